package dev.tune.store.postgres;

import dev.tune.store.StorageException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens connections to a {@link PostgresLocation} with short timeouts, so a wrong host or a server
 * that is down fails within seconds, and turns the driver's failures into a
 * {@link StorageException} that names the URL (password masked) and what to check.
 */
final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final PostgresLocation location;
    private final Duration connectTimeout;

    Database(PostgresLocation location, Duration connectTimeout) {
        this.location = location;
        this.connectTimeout = connectTimeout;
    }

    PostgresLocation location() {
        return location;
    }

    /**
     * A connection in auto-commit mode: one an earlier session of this JVM left for this database
     * and user ({@link IdleConnections}), else a new one.
     */
    Connection connect() {
        Connection idle = IdleConnections.take(key());
        return idle != null ? idle : open();
    }

    /**
     * Hands back a connection a session is done with, for the next session: any transaction is
     * rolled back first; one that cannot be is closed.
     */
    void release(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already
            }
            return;
        }
        IdleConnections.give(key(), connection);
    }

    /** Which connections are alike: same server and database, same user and password. */
    private String key() {
        return location.url() + '\n' + location.user() + '\n' + location.password();
    }

    private Connection open() {
        LOG.debug("New connection to {}", location.display());
        Properties properties = new Properties();
        if (location.user() != null) {
            properties.setProperty("user", location.user());
        }
        if (location.password() != null) {
            properties.setProperty("password", location.password());
        }
        long seconds = Math.max(1, connectTimeout.toSeconds());
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("loginTimeout", Long.toString(seconds));
        properties.setProperty("socketTimeout", "120");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "tune");
        try {
            return DriverManager.getConnection(location.url(), properties);
        } catch (SQLException e) {
            throw failure("cannot connect to", e);
        }
    }

    /** A failure of this database, explained by its SQL state. */
    StorageException failure(String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String hint;
        if (state.startsWith("28")) {
            hint = "the server refused the user or password: set tune.storage.user and tune.storage.password"
                    + " (or PGUSER and PGPASSWORD)";
        } else if (state.equals("3D000")) {
            hint = "the database does not exist: create it first (createdb), then start the workers";
        } else if (state.startsWith("08")) {
            hint = "the server cannot be reached: is PostgreSQL running and listening at that host and port?";
        } else if (state.equals("42501")) {
            hint = "the user may not do this: tune needs to create tables in the database on first use";
        } else {
            hint = "SQL state " + (state.isEmpty() ? "unknown" : state);
        }
        return new StorageException("tune.storage: " + doing + " " + location.display() + ": " + hint + " ("
                + firstLine(e.getMessage()) + ")", e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
