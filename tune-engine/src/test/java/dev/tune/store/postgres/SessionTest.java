package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A session's connection: one a session is done with serves the JVM's next session against the
 * same database (the same server process, with no transaction left open), one the server dropped
 * meanwhile is replaced, and work the server undid (a deadlock) runs again.
 */
class SessionTest extends WithPostgres {

    private Database database(String name) {
        return new Database(PostgresLocation.of(server.createDatabase(name), PostgresServer.USER,
                PostgresServer.PASSWORD, java.util.Map.of()), Duration.ofSeconds(5));
    }

    private static int backend(Connection c) throws SQLException {
        try (ResultSet row = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    void theNextSessionGetsTheSameServerProcessWithNoTransactionOpen() throws Exception {
        Database database = database("idle_reuse");
        Connection first = database.connect();
        int pid = backend(first);
        first.setAutoCommit(false);
        first.createStatement().execute("CREATE TABLE left_open (x int)"); // in a transaction never committed
        database.release(first);

        Connection again = database.connect();
        assertEquals(pid, backend(again), "the server process of the first session, no new login");
        assertTrue(again.getAutoCommit());
        try (ResultSet row = again.createStatement().executeQuery("SELECT to_regclass('left_open') IS NULL")) {
            row.next();
            assertTrue(row.getBoolean(1), "the first session's transaction was rolled back, not committed");
        }
        Connection other = database.connect();
        assertNotEquals(pid, backend(other), "a connection in use is never handed out twice");
        database.release(other);
        database.release(again);
        database.release(again); // a holder that closes twice
        assertNotEquals(backend(database.connect()), backend(database.connect()),
                "one given back twice is still handed out once");
    }

    @Test
    void aConnectionTheServerDroppedIsReplaced() throws Exception {
        Database database = database("idle_dropped");
        Connection first = database.connect();
        int pid = backend(first);
        database.release(first);
        try (Connection admin = server.connect("idle_dropped")) {
            admin.createStatement().execute("SELECT pg_terminate_backend(" + pid + ")");
        }
        Connection fresh = database.connect();
        assertNotEquals(pid, backend(fresh));
        assertEquals(1, SharedExperimentTest.count(fresh, "SELECT 1"));
        database.release(fresh);
    }

    @Test
    void workTheServerUndidForADeadlockRunsAgain() {
        Database database = database("session_deadlock");
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        try (Session session = new Session(database, Duration.ZERO)) {
            int answer = session.transaction("cannot test in", c -> {
                if (runs.incrementAndGet() == 1) {
                    throw new SQLException("deadlock detected", "40P01");
                }
                return 42;
            });
            assertEquals(42, answer);
            assertEquals(2, runs.get());
            dev.tune.store.StorageException other = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.tune.store.StorageException.class, () -> session.transaction("cannot test in", c -> {
                        throw new SQLException("syntax error", "42601");
                    }));
            assertTrue(other.getMessage().contains("SQL state 42601"), other.getMessage());
        }
    }
}
