package dev.tune.store.postgres;

import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.StorageException;
import dev.tune.store.StoreEvents;
import dev.tune.store.StoredExperiment;
import dev.tune.store.TrialEvents;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads shared experiments back from a database, as {@link StoredExperiment#load} reads a
 * directory: for analysis ({@code StoredExperiment.result}), {@code tune:list}, and the export to
 * the directory layout. Read-only: it creates no table and takes no lock.
 */
public final class SharedExperiments {

    private SharedExperiments() {
    }

    /** The names of the experiments in the database, oldest first; empty when tune never ran there. */
    public static List<String> names(PostgresLocation location) {
        try (Session session = new Session(new Database(location, Duration.ofSeconds(5)), Duration.ZERO)) {
            return session.transaction("cannot list the experiments in", c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = c.createStatement().executeQuery("SELECT to_regclass('tune_experiment')")) {
                    rows.next();
                    if (rows.getString(1) == null) {
                        return names;
                    }
                }
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT name FROM tune_experiment ORDER BY created_at, id")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                return names;
            });
        }
    }

    /**
     * One line on the shared experiment {@code name}: its trials by status, the workers that joined,
     * and why it stopped, if it did; empty when the database holds no experiment of that name.
     */
    public static Optional<String> status(PostgresLocation location, String name) {
        if (!names(location).contains(name)) {
            return Optional.empty();
        }
        try (Session session = new Session(new Database(location, Duration.ofSeconds(5)), Duration.ZERO)) {
            return Optional.of(session.transaction("cannot read experiment " + name + " in", c -> {
                StringBuilder line = new StringBuilder();
                long total = 0;
                List<String> counts = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT t.status, count(*) FROM tune_trial t"
                        + " JOIN tune_experiment e ON e.id = t.experiment_id WHERE e.name = ?"
                        + " GROUP BY t.status ORDER BY t.status")) {
                    s.setString(1, name);
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            total += rows.getLong(2);
                            counts.add(rows.getLong(2) + " " + rows.getString(1).toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
                line.append(total).append(total == 1 ? " trial" : " trials");
                if (!counts.isEmpty()) {
                    line.append(" (").append(String.join(", ", counts)).append(')');
                }
                try (PreparedStatement s = c.prepareStatement("SELECT count(w.worker), e.stop_reason"
                        + " FROM tune_experiment e LEFT JOIN tune_worker w ON w.experiment_id = e.id"
                        + " WHERE e.name = ? GROUP BY e.stop_reason")) {
                    s.setString(1, name);
                    try (ResultSet row = s.executeQuery()) {
                        if (row.next()) {
                            line.append(", ").append(row.getLong(1)).append(" worker(s) joined");
                            if (row.getString(2) != null) {
                                line.append(", stopped: ").append(row.getString(2));
                            }
                        }
                    }
                }
                return line.toString();
            }));
        }
    }

    /**
     * The experiment {@code name}, its trials rebuilt from its event log; trial directories resolve
     * against {@code trialsRoot} (where the workers wrote them).
     *
     * @throws StorageException when the database cannot be read or holds no experiment of that name
     */
    public static StoredExperiment load(PostgresLocation location, String name, Path trialsRoot) {
        Database database = new Database(location, Duration.ofSeconds(5));
        try (Session session = new Session(database, Duration.ZERO)) {
            return session.transaction("cannot read experiment " + name + " in", c -> {
                long id;
                ExperimentInfo info;
                Optional<ExperimentState> state;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, info, state FROM tune_experiment WHERE name = ?")) {
                    s.setString(1, name);
                    try (ResultSet row = s.executeQuery()) {
                        if (!row.next()) {
                            throw new StorageException("There is no experiment '" + name + "' in "
                                    + location.display() + "; its experiments: " + names(location));
                        }
                        id = row.getLong(1);
                        info = StoreEvents.readInfo(row.getString(2));
                        state = Optional.ofNullable(row.getString(3)).map(StoreEvents::readState);
                    }
                }
                TrialEvents events = new TrialEvents(trialsRoot);
                EventLog.readForLoad(c, id, (seq, number, kind, body) -> events.apply(number, kind, body),
                        events::needResults);
                return new StoredExperiment(info, state, events.trials());
            });
        }
    }
}
