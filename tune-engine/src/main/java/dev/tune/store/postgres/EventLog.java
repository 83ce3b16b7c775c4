package dev.tune.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

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

    /** Locks the experiment's row until the transaction ends; returns the last event's number. */
    static long lock(Connection c, long experiment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq FROM tune_experiment WHERE id = ? FOR UPDATE")) {
            s.setLong(1, experiment);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("experiment " + experiment + " was deleted from the database");
                }
                return row.getLong(1);
            }
        }
    }

    /** Appends {@code events} after {@code lastSeq} (under {@link #lock}); returns the new last number. */
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

    /** Reads every event after {@code after}, in order; returns the last number read. */
    static long read(Connection c, long experiment, long after, Reader reader) throws SQLException {
        long last = after;
        try (PreparedStatement s = c.prepareStatement("SELECT seq, trial_number, kind, body FROM tune_event"
                + " WHERE experiment_id = ? AND seq > ? ORDER BY seq")) {
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
