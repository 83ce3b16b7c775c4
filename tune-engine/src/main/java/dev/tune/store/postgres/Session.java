package dev.tune.store.postgres;

import dev.tune.store.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a worker's, and what it does when the database goes away: a transaction that
 * fails because the connection broke is tried again on a new connection, with backoff from 100 ms
 * up to 5 s, for as long as {@code retryFor}; after that, or for any other failure, it ends in a
 * {@link StorageException} that names the database. The work must be safe to run again: it ran in
 * a transaction that was rolled back. Used from one thread at a time.
 */
final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    /** Work in one transaction on {@code connection}. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Database database;
    private final Duration retryFor;
    private final boolean autoCommit;
    private Connection connection;

    Session(Database database, Duration retryFor) {
        this(database, retryFor, false);
    }

    /**
     * With {@code autoCommit}, each piece of work must be one statement, which commits as it
     * returns: one round trip, where a transaction needs another for its commit.
     */
    Session(Database database, Duration retryFor, boolean autoCommit) {
        this.database = database;
        this.retryFor = retryFor;
        this.autoCommit = autoCommit;
    }

    Session(Database database, Duration retryFor, Connection open) {
        this(database, retryFor, false);
        this.connection = open;
    }

    /** Runs {@code work} in a transaction and commits it, retrying as the class says. */
    <T> T transaction(String doing, Work<T> work) {
        return run(doing, work, autoCommit);
    }

    /**
     * Runs {@code work}, one statement, in auto-commit: it commits as it returns, so a lock it
     * takes is held inside the server only. Retried as {@link #transaction} is: the work must
     * tell a second run from the first when the statement may have landed.
     */
    <T> T statement(String doing, Work<T> work) {
        return run(doing, work, true);
    }

    private <T> T run(String doing, Work<T> work, boolean statement) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        long backoff = 100;
        boolean warned = false;
        int conflicts = 0;
        while (true) {
            try {
                Connection c = connection();
                T value;
                if (statement && !autoCommit) {
                    c.setAutoCommit(true); // no round trip: no transaction is open between pieces of work
                    try {
                        value = work.run(c);
                    } finally {
                        c.setAutoCommit(false);
                    }
                } else {
                    value = work.run(c);
                    if (!autoCommit) {
                        c.commit();
                    }
                }
                if (warned) {
                    LOG.info("The database {} is back", database.location().display());
                }
                return value;
            } catch (SQLException e) {
                rollbackQuietly();
                if (rolledBackByServer(e) && conflicts++ < 10) {
                    continue; // a deadlock or serialization failure: the server undid the work, which runs again
                }
                if (!lostConnection(e) || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw lostConnection(e)
                            ? new StorageException(database.failure(doing, e).getMessage() + "; " + gone(), e)
                            : database.failure(doing, e);
                }
                if (!warned) {
                    warned = true;
                    LOG.warn("Lost the database {} ({}); trying again for up to {} s", database.location().display(),
                            e.getMessage(), retryFor.toMillis() / 1000.0);
                }
                drop();
                sleep(backoff);
                backoff = Math.min(5000, backoff * 2);
            } catch (StorageException e) {
                // connect() failed: the server is unreachable
                drop();
                if (System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw new StorageException(e.getMessage() + "; " + gone(), e);
                }
                sleep(backoff);
                backoff = Math.min(5000, backoff * 2);
            }
        }
    }

    private String gone() {
        return "the database was gone for longer than tune.storage.retryFor=" + retryFor.toMillis() / 1000.0 + " s";
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = database.connect();
            connection.setAutoCommit(autoCommit);
        }
        return connection;
    }

    /** The server chose this transaction to undo: a deadlock (40P01) or a serialization failure (40001). */
    static boolean rolledBackByServer(SQLException e) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    /** A failure of the connection itself (SQL state class 08, or 57P01-03: the server shut down). */
    static boolean lostConnection(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            drop();
        }
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
            connection = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the database to come back", e);
        }
    }

    /** Hands the connection back for this JVM's next session against the database. */
    @Override
    public void close() {
        if (connection != null) {
            database.release(connection);
            connection = null;
        }
    }
}
