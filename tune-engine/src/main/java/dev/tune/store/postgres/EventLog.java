package dev.tune.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An experiment's ordered, append-only event log in {@code tune_event}. Appends happen inside a
 * transaction that holds the experiment's row lock ({@link #lock}), so sequence numbers are
 * dense and in commit order: a reader that has seen event n has seen every event before it, and
 * the next event it reads is n + 1.
 */
final class EventLog {

    /** One event: trial {@code trialNumber}'s {@code kind}, its JSON {@code body}. */
    record Event(int trialNumber, String kind, String body) {
    }

    /** Reads one event in order. */
    interface Reader {
        void event(long seq, int trialNumber, String kind, String body) throws SQLException;
    }

    private EventLog() {
    }

    /** The experiment's row as a claim reads it: its last event, next trial number, stop, and trials to take over. */
    record Head(long lastSeq, int nextNumber, String stopReason, boolean pending) {
    }

    /** Reads the experiment's row without locking it: what a worker whose searcher is done polls. */
    static Head peek(Connection c, long experiment) throws SQLException {
        return head(c, experiment, "");
    }

    /** Locks the experiment's row until the transaction ends; returns the last event's number. */
    static long lock(Connection c, long experiment) throws SQLException {
        return head(c, experiment, " FOR NO KEY UPDATE OF e").lastSeq();
    }

    private static Head head(Connection c, long experiment, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq, next_number, stop_reason, EXISTS (SELECT 1"
                + " FROM tune_trial WHERE experiment_id = e.id AND status = 'PENDING') FROM tune_experiment e"
                + " WHERE id = ?" + lock)) {
            s.setLong(1, experiment);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("experiment " + experiment + " was deleted from the database");
                }
                return new Head(row.getLong(1), row.getInt(2), row.getString(3), row.getBoolean(4));
            }
        }
    }

    /**
     * Locks the experiment's row until the transaction ends, reads its head, and gives
     * {@code reader} every event after {@code after}: one round trip ({@code tune_lock_and_read}).
     */
    static Head lockAndRead(Connection c, long experiment, long after, Reader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, trial_number, kind, body FROM"
                + " tune_lock_and_read(?, ?)")) {
            s.setLong(1, experiment);
            s.setLong(2, after);
            s.setFetchSize(1000);
            try (ResultSet rows = s.executeQuery()) {
                rows.next(); // the head comes first; the function fails when the experiment is gone
                Head head = new Head(rows.getLong(1), rows.getInt(2), rows.getString(4),
                        rows.getString(3).endsWith("+pending"));
                while (rows.next()) {
                    reader.event(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4));
                }
                return head;
            }
        }
    }

    /**
     * Appends {@code event} as event {@code seq} under the lock {@link #lockAndRead} took, and
     * commits: one round trip, the transaction's last.
     */
    static void appendOneAndCommit(Connection c, long experiment, long seq, Event event) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT tune_append_one(?, ?, ?, ?, ?); COMMIT")) {
            s.setLong(1, experiment);
            s.setLong(2, seq);
            s.setInt(3, event.trialNumber());
            s.setString(4, event.kind());
            s.setString(5, event.body());
            s.execute();
        }
    }

    /**
     * Appends {@code events} after {@code lastSeq} (under {@link #lock}); returns the new last
     * number. The rare path (a heartbeat ending lost trials): the hot ones are server functions.
     */
    static long append(Connection c, long experiment, long lastSeq, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return lastSeq;
        }
        long seq = lastSeq;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO tune_event (experiment_id, seq, trial_number, kind, body) VALUES (?, ?, ?, ?, ?)")) {
            for (Event event : events) {
                insert.setLong(1, experiment);
                insert.setLong(2, ++seq);
                insert.setInt(3, event.trialNumber());
                insert.setString(4, event.kind());
                insert.setString(5, event.body());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE tune_experiment SET last_seq = ? WHERE id = ?")) {
            update.setLong(1, seq);
            update.setLong(2, experiment);
            update.executeUpdate();
        }
        return seq;
    }

    /**
     * Reads a whole experiment as a reload wants it: every event but results, then the results of
     * only those trials that {@code needResults} names (ended trials carry a summary of theirs).
     */
    static void readForLoad(Connection c, long experiment, Reader reader,
            Supplier<Set<Integer>> needResults) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, trial_number, kind, body FROM tune_event"
                + " WHERE experiment_id = ? AND kind <> 'result' ORDER BY seq")) {
            s.setLong(1, experiment);
            s.setFetchSize(1000);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    reader.event(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4));
                }
            }
        }
        readResults(c, experiment, needResults.get(), reader);
    }

    /** Reads every result of the trials {@code numbers}, in order. */
    static void readResults(Connection c, long experiment, Set<Integer> numbers, Reader reader)
            throws SQLException {
        if (numbers.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT seq, trial_number, kind, body FROM tune_event"
                + " WHERE experiment_id = ? AND kind = 'result' AND trial_number = ANY (?) ORDER BY seq")) {
            s.setLong(1, experiment);
            s.setArray(2, c.createArrayOf("integer", numbers.toArray()));
            s.setFetchSize(1000);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    reader.event(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4));
                }
            }
        }
    }

    /** Reads every event after {@code after}, in order; returns the last number read. */
    static long read(Connection c, long experiment, long after, Reader reader) throws SQLException {
        return read(c, experiment, after, true, reader);
    }

    /**
     * Reads every event after {@code after}, in order, leaving results out unless {@code results};
     * returns the last number read.
     */
    static long read(Connection c, long experiment, long after, boolean results, Reader reader) throws SQLException {
        long last = after;
        try (PreparedStatement s = c.prepareStatement("SELECT seq, trial_number, kind, body FROM tune_event"
                + " WHERE experiment_id = ? AND seq > ?" + (results ? "" : " AND kind <> 'result'")
                + " ORDER BY seq")) {
            s.setLong(1, experiment);
            s.setLong(2, after);
            s.setFetchSize(1000);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    last = rows.getLong(1);
                    reader.event(last, rows.getInt(2), rows.getString(3), rows.getString(4));
                }
            }
        }
        return last;
    }
}
