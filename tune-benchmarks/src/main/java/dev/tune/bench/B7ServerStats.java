package dev.tune.bench;

import dev.tune.store.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What the PostgreSQL server did during a B7 run, for studying one: with {@code -Db7.stats=true}
 * the server's time per function, and per statement when pg_stat_statements is preloaded through
 * {@code -Dtune.test.postgresOptions="shared_preload_libraries=pg_stat_statements"}; with
 * {@code -Db7.explain=true} every plan in the server's log (auto_explain); with
 * {@code -Db7.perWorker=true} each worker's trials and when they ended.
 */
final class B7ServerStats {

    private static final boolean STATS = Boolean.getBoolean("b7.stats");

    private B7ServerStats() {
    }

    private static boolean statements() {
        return System.getProperty("tune.test.postgresOptions", "").contains("pg_stat_statements");
    }

    /** Before the workers start: the database counts its functions' calls (and logs plans when asked). */
    static void prepare(PostgresServer server, String database) {
        if (!STATS) {
            return;
        }
        try (Connection admin = server.connect(database)) {
            admin.createStatement().execute("ALTER DATABASE " + database + " SET track_functions = 'pl'");
            if (Boolean.getBoolean("b7.explain")) {
                for (String set : List.of("session_preload_libraries = 'auto_explain'",
                        "auto_explain.log_min_duration = 0", "auto_explain.log_nested_statements = on",
                        "auto_explain.log_analyze = on", "auto_explain.log_timing = off")) {
                    admin.createStatement().execute("ALTER DATABASE " + database + " SET " + set);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At the gate: what the warm-up did is forgotten. */
    static void reset(PostgresServer server, String database) {
        if (!STATS) {
            return;
        }
        try (Connection admin = server.connect(database)) {
            admin.createStatement().execute("SELECT pg_stat_reset()");
            if (statements()) {
                admin.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                admin.createStatement().execute("SELECT pg_stat_statements_reset()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After the run: the figures asked for, on standard output; {@code experiment} selects the measured one. */
    static void print(Connection c, String experiment) throws SQLException {
        if (STATS) {
            try (ResultSet rows = c.createStatement().executeQuery("SELECT funcname, calls, total_time, self_time"
                    + " FROM pg_stat_user_functions ORDER BY total_time DESC")) {
                while (rows.next()) {
                    System.out.printf("  %s: %d calls, %.0f ms (self %.0f ms)%n", rows.getString(1),
                            rows.getLong(2), rows.getDouble(3), rows.getDouble(4));
                }
            }
            if (statements()) {
                printStatements(c);
            }
            try (ResultSet rows = c.createStatement().executeQuery("SELECT xact_commit, xact_rollback,"
                    + " tup_returned, tup_fetched, tup_inserted, tup_updated FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
                rows.next();
                System.out.printf("  commits %d, rollbacks %d, returned %d, fetched %d, inserted %d, updated %d%n",
                        rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                        rows.getLong(6));
            }
        }
        if (Boolean.getBoolean("b7.perWorker")) {
            try (ResultSet rows = c.createStatement().executeQuery("SELECT worker, count(*), min(heartbeat),"
                    + " max(heartbeat) FROM tune_trial WHERE experiment_id = " + experiment
                    + " GROUP BY worker ORDER BY 4")) {
                while (rows.next()) {
                    System.out.printf("  worker %s: %d trials, ends %s .. %s%n", rows.getString(1), rows.getInt(2),
                            rows.getTimestamp(3).toInstant(), rows.getTimestamp(4).toInstant());
                }
            }
        }
    }

    private static void printStatements(Connection c) throws SQLException {
        c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        try (ResultSet rows = c.createStatement().executeQuery("SELECT calls, total_exec_time, rows,"
                + " shared_blks_hit, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements"
                + " ORDER BY total_exec_time DESC LIMIT 25")) {
            while (rows.next()) {
                System.out.printf("  %6d calls %8.0f ms %7d rows %8d blocks  %s%n", rows.getLong(1),
                        rows.getDouble(2), rows.getLong(3), rows.getLong(4), rows.getString(5));
            }
        }
    }
}
