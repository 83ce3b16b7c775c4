package dev.tune.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Connections that this JVM's sessions closed, kept open for the next session against the same
 * database as the same user, as a connection pool keeps them: a JVM that runs several experiments
 * (the JUnit engine running a suite, {@code tune:run} with several samples, a worker that warms up
 * first) pays for a server process, its authentication and the server's first compile of tune's
 * functions once, not once per experiment. At most {@link #PER_DATABASE} wait per database; one
 * that waited longer than {@link #IDLE_SECONDS} s is closed when the pool is next used, and one
 * that is taken is checked first (a server that restarted left it broken).
 */
final class IdleConnections {

    static final int PER_DATABASE = 8;
    static final long IDLE_SECONDS = 60;

    private static final Map<String, ArrayDeque<Idle>> IDLE = new HashMap<>();

    private record Idle(Connection connection, long since) {
    }

    private IdleConnections() {
    }

    /** A connection that waited here for {@code key}, still open and answering; null when none. */
    static Connection take(String key) {
        while (true) {
            Idle idle;
            List<Connection> expired;
            synchronized (IdleConnections.class) {
                expired = expired();
                ArrayDeque<Idle> waiting = IDLE.get(key);
                idle = waiting == null ? null : waiting.pollLast();
            }
            closeAll(expired);
            if (idle == null) {
                return null;
            }
            try {
                if (idle.connection.isValid(2)) {
                    return idle.connection;
                }
            } catch (SQLException e) {
                // broken: close it and look at the next
            }
            closeQuietly(idle.connection);
        }
    }

    /** Keeps {@code connection}, idle and in auto-commit, for the next session of {@code key}; closes it when full. */
    static void give(String key, Connection connection) {
        boolean kept;
        List<Connection> expired;
        synchronized (IdleConnections.class) {
            expired = expired();
            ArrayDeque<Idle> waiting = IDLE.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (waiting.stream().anyMatch(idle -> idle.connection == connection)) {
                return; // given back twice: it must still be handed out once
            }
            kept = waiting.size() < PER_DATABASE && waiting.add(new Idle(connection, System.nanoTime()));
        }
        closeAll(expired);
        if (!kept) {
            closeQuietly(connection);
        }
    }

    /** Takes out the connections that waited too long; under the class's lock. */
    private static List<Connection> expired() {
        List<Connection> expired = new ArrayList<>();
        long oldest = System.nanoTime() - TimeUnit.SECONDS.toNanos(IDLE_SECONDS);
        for (ArrayDeque<Idle> waiting : IDLE.values()) {
            while (!waiting.isEmpty() && waiting.peekFirst().since - oldest < 0) {
                expired.add(waiting.pollFirst().connection);
            }
        }
        return expired;
    }

    private static void closeAll(List<Connection> connections) {
        connections.forEach(IdleConnections::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is going away either way
        }
    }
}
