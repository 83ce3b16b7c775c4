package dev.tune.store.postgres;

import dev.tune.store.SharedRun.RungRead;
import dev.tune.store.SharedRun.RungValue;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ASHA's rungs of one shared experiment in its database ({@code tune_rung}, migration V7): one
 * statement a round trip, in auto-commit, on a connection of their own, so it never waits for this
 * worker's claims and reads of the log. A statement tried again after a lost connection finds the
 * values recorded by the first, and keeps them.
 */
final class RungRows implements AutoCloseable {

    private final Session session;
    private final long experiment;
    private final String name;

    RungRows(Database database, Duration retryFor, long experiment, String name) {
        this.session = new Session(database, retryFor, true);
        this.experiment = experiment;
        this.name = name;
    }

    /** As {@link dev.tune.store.SharedRun#recordAtRungs}. */
    synchronized RungRead record(List<RungValue> values, long since) {
        return session.statement("cannot record the rungs of " + name + " in",
                c -> record(c, experiment, values, since));
    }

    /** The statement itself ({@code tune_rung_record}), on {@code c}. */
    static RungRead record(Connection c, long experiment, List<RungValue> values, long since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT inserted, horizon, brackets, rungs, trials, vals"
                + " FROM tune_rung_record(?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, experiment);
            s.setArray(2, c.createArrayOf("integer", values.stream().map(RungValue::bracket).toArray()));
            s.setArray(3, c.createArrayOf("integer", values.stream().map(RungValue::rung).toArray()));
            s.setArray(4, c.createArrayOf("text", values.stream().map(RungValue::trialId).toArray()));
            s.setArray(5, c.createArrayOf("float8", values.stream().map(RungValue::value).toArray()));
            s.setLong(6, since);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new RungRead(row.getInt(1), row.getLong(2), read(row));
            }
        }
    }

    private static List<RungValue> read(ResultSet row) throws SQLException {
        Array trials = row.getArray(5);
        if (trials == null) {
            return List.of();
        }
        Integer[] brackets = (Integer[]) row.getArray(3).getArray();
        Integer[] rungs = (Integer[]) row.getArray(4).getArray();
        String[] ids = (String[]) trials.getArray();
        Double[] values = (Double[]) row.getArray(6).getArray();
        List<RungValue> read = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            read.add(new RungValue(brackets[i], rungs[i], ids[i], values[i]));
        }
        return read;
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}
