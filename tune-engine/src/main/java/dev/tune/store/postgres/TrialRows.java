package dev.tune.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;

/** The statements on {@code tune_trial} and the experiment's counters that claims make. */
final class TrialRows {

    private TrialRows() {
    }

    /** Takes the lowest trial waiting to be taken over, for {@code worker}; its number, if there was one. */
    static OptionalInt takeOver(Connection c, long experiment, String worker) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE tune_trial SET status = 'RUNNING', worker = ?,"
                + " heartbeat = now() WHERE (experiment_id, number) = (SELECT experiment_id, number FROM tune_trial"
                + " WHERE experiment_id = ? AND status = 'PENDING' ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)"
                + " RETURNING number")) {
            s.setString(1, worker);
            s.setLong(2, experiment);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /**
     * Records new trial {@code number} and commits, in one round trip: its row (running on
     * {@code worker}), its {@code added} event as event {@code seq}, and the experiment's last event
     * and next number. Call under the experiment's lock, as the transaction's last statement: the
     * lock goes with the commit, one round trip after the suggestion, not two.
     */
    static void add(Connection c, long experiment, int number, String trialId, String added, String worker, long seq)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("WITH trial AS (INSERT INTO tune_trial (experiment_id,"
                + " number, trial_id, config, status, worker, heartbeat) VALUES (?, ?, ?, ?, 'RUNNING', ?, now())),"
                + " event AS (INSERT INTO tune_event (experiment_id, seq, trial_number, kind, body)"
                + " VALUES (?, ?, ?, 'added', ?))"
                + " UPDATE tune_experiment SET last_seq = ?, next_number = ?, trials = trials + 1 WHERE id = ?;"
                + " COMMIT")) {
            insert.setLong(1, experiment);
            insert.setInt(2, number);
            insert.setString(3, trialId);
            insert.setString(4, added);
            insert.setString(5, worker);
            insert.setLong(6, experiment);
            insert.setLong(7, seq);
            insert.setInt(8, number);
            insert.setString(9, added);
            insert.setLong(10, seq);
            insert.setInt(11, number + 1);
            insert.setLong(12, experiment);
            insert.executeUpdate();
        }
    }

    /**
     * Records trial {@code number} as {@link #addTaken} does, then takes {@code worker}'s next number
     * as {@link #takeNumber} does, the experiment's row locked once ({@code tune_add_taken_and_take}).
     * The stop, when the experiment stopped meanwhile: then nothing was recorded or taken.
     */
    static Taken addTakenAndTake(Connection c, long experiment, int number, String trialId, String added,
            String worker, int limit, double graceSeconds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT stop_reason, taken, pending FROM tune_add_taken_and_take(?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, experiment);
            s.setInt(2, number);
            s.setString(3, trialId);
            s.setString(4, added);
            s.setString(5, worker);
            s.setInt(6, limit);
            s.setDouble(7, graceSeconds);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new Taken(row.getInt(2), row.getString(1), row.getBoolean(3));
            }
        }
    }

    /** What {@link #takeNumber} found: the number taken (0: none), the stop, trials to take over. */
    record Taken(int number, String stopReason, boolean pending) {
    }

    /**
     * Takes the experiment's next trial number, unless it stopped, a trial waits to be taken over,
     * or {@code limit} (when positive) trials are recorded or being suggested by live workers (a
     * heartbeat younger than {@code graceSeconds}): one statement in auto-commit, the row locked
     * inside the server only ({@code tune_take_number}).
     */
    static Taken takeNumber(Connection c, long experiment, int limit, String worker, double graceSeconds)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT taken, stop_reason, pending FROM tune_take_number(?, ?, ?, ?)")) {
            s.setLong(1, experiment);
            s.setInt(2, limit);
            s.setString(3, worker);
            s.setDouble(4, graceSeconds);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new Taken(row.getInt(1), row.getString(2), row.getBoolean(3));
            }
        }
    }

    /**
     * {@link #takeNumber} and {@link EventLog#read} in one round trip ({@code tune_take_and_read}):
     * {@code reader} gets every event after {@code after} (results only when {@code results}),
     * read before the experiment's row is locked; then the number is taken. Run in auto-commit.
     */
    static Taken takeAndRead(Connection c, long experiment, long after, boolean results, int limit, String worker,
            double graceSeconds, EventLog.Reader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, trial_number, kind, body FROM tune_take_and_read(?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, experiment);
            s.setLong(2, after);
            s.setBoolean(3, results);
            s.setInt(4, limit);
            s.setString(5, worker);
            s.setDouble(6, graceSeconds);
            s.setFetchSize(1000);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String kind = rows.getString(3);
                    if (rows.getLong(1) == 0 && kind.startsWith("taken")) {
                        return new Taken(rows.getInt(2), rows.getString(4), kind.endsWith("+pending"));
                    }
                    reader.event(rows.getLong(1), rows.getInt(2), kind, rows.getString(4));
                }
            }
        }
        throw new SQLException("tune_take_and_read returned no head row");
    }

    /** Gives back every number {@code worker} took and has not used: they no longer count towards the samples. */
    static void giveBackNumbers(Connection c, long experiment, String worker) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT tune_give_back_numbers(?, ?)")) {
            s.setLong(1, experiment);
            s.setString(2, worker);
            s.execute();
        }
    }

    /**
     * Records trial {@code number}, taken with {@link #takeNumber}, as running on {@code worker},
     * with its {@code added} event, in one statement in auto-commit ({@code tune_add_taken}).
     * Returns why the experiment stopped meanwhile, when it did; then nothing was recorded.
     */
    static String addTaken(Connection c, long experiment, int number, String trialId, String added, String worker)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT tune_add_taken(?, ?, ?, ?, ?)")) {
            s.setLong(1, experiment);
            s.setInt(2, number);
            s.setString(3, trialId);
            s.setString(4, added);
            s.setString(5, worker);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /**
     * What a positional claim found: the first number claimed (0: none) and how many, the next
     * number, the stop, trials to take over.
     */
    record ClaimAt(int claimed, int count, int nextNumber, String stopReason, boolean pending) {
    }

    /**
     * Claims for {@code worker} whichever of trials {@code first}, {@code first + 1}, ... (ids and
     * {@code added} events given in order) is the experiment's next, and up to {@code max} - 1
     * after it, in one statement
     * ({@code tune_claim_at}) that holds the experiment's lock only inside the server. Nothing
     * lands when none is next, the experiment stopped, or a trial waits to be taken over. Run in
     * auto-commit.
     */
    static ClaimAt claimAt(Connection c, long experiment, int first, String[] trialIds, String[] added, String worker,
            int max) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT claimed, claimed_count, next_number, stop_reason, pending"
                + " FROM tune_claim_at(?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, experiment);
            s.setInt(2, first);
            s.setArray(3, c.createArrayOf("text", trialIds));
            s.setArray(4, c.createArrayOf("text", added));
            s.setString(5, worker);
            s.setInt(6, max);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new ClaimAt(row.getInt(1), row.getInt(2), row.getInt(3), row.getString(4), row.getBoolean(5));
            }
        }
    }

    /** {@link #release}s each of {@code numbers}. */
    static void release(Connection c, long experiment, Iterable<Integer> numbers, String worker) throws SQLException {
        for (int number : numbers) {
            release(c, experiment, number, worker);
        }
    }

    /** Gives trial {@code number} back for any worker to take over, if {@code worker} holds it. */
    static void release(Connection c, long experiment, int number, String worker) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE tune_trial SET status = 'PENDING', worker = NULL"
                + " WHERE experiment_id = ? AND number = ? AND worker = ? AND status = 'RUNNING'")) {
            s.setLong(1, experiment);
            s.setInt(2, number);
            s.setString(3, worker);
            s.executeUpdate();
        }
    }

    /**
     * How many trials of the experiment wait to be taken over, or run on a worker other than
     * {@code worker}, or are about to: a number another live worker (a heartbeat younger than
     * {@code graceSeconds}) took and has not recorded a trial for yet, because its searcher is
     * still suggesting, or it keeps the number for its next claim. Without these, a worker could
     * end while another's slow suggestion was about to add a trial.
     */
    static long open(Connection c, long experiment, String worker, double graceSeconds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT count(*) FROM tune_trial WHERE experiment_id = ?"
                + " AND status IN ('PENDING', 'RUNNING') AND worker IS DISTINCT FROM ?)"
                + " + (SELECT count(*) FROM tune_number n JOIN tune_worker w"
                + " ON w.experiment_id = n.experiment_id AND w.worker = n.worker"
                + " WHERE n.experiment_id = ? AND n.worker <> ? AND w.heartbeat > now() - make_interval(secs => ?))")) {
            s.setLong(1, experiment);
            s.setString(2, worker);
            s.setLong(3, experiment);
            s.setString(4, worker);
            s.setDouble(5, graceSeconds);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static void stop(Connection c, long experiment, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE tune_experiment SET stop_reason = ? WHERE id = ? AND stop_reason IS NULL")) {
            s.setString(1, reason);
            s.setLong(2, experiment);
            s.executeUpdate();
        }
    }
}
