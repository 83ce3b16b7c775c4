package dev.tune.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Versioned schema migrations, as Flyway applies them: numbered SQL scripts
 * ({@code migrations/V<n>__<what>.sql} beside this class), each applied once, in order, and
 * recorded with its checksum in {@code tune_schema_history}. All of it runs in one transaction
 * under an advisory lock, so when many workers start at once exactly one creates the schema and the
 * rest wait and find it there. A script changed after it was applied, or a database migrated by a
 * newer tune, is refused rather than guessed at.
 */
final class Migrations {

    /** The scripts, in order; a test checks this list against the resource directory. */
    static final List<String> SCRIPTS = List.of("V1__shared_experiments.sql", "V2__appends_in_one_round_trip.sql",
            "V3__claims_that_miss_take_no_lock.sql", "V4__small_checkpoints_in_the_database.sql",
            "V5__suggestions_outside_the_lock.sql", "V6__one_hold_per_claim.sql",
            "V7__rungs_for_asha.sql", "V8__shorter_holds_of_the_experiment_row.sql");

    /** Any 64-bit number of tune's own: the advisory lock that serialises migrations. */
    private static final long LOCK = 0x74756E655F6D6967L;

    private Migrations() {
    }

    /** Brings the schema up to date; returns the versions applied now (empty when it was current). */
    static List<Integer> apply(Connection connection) throws SQLException {
        if (current(connection)) {
            return List.of(); // the usual join: no need to queue behind the other workers for the lock
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            statement.execute("CREATE TABLE IF NOT EXISTS tune_schema_history (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, checksum TEXT NOT NULL,"
                    + " installed_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            Map<Integer, String> applied = applied(statement);
            int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (newest > SCRIPTS.size()) {
                throw new SQLException("the database's tune schema is at version " + newest + ", newer than this"
                        + " tune knows (" + SCRIPTS.size() + "): run every worker with the same or a newer tune",
                        "TUNE1");
            }
            List<Integer> now = new ArrayList<>();
            for (int version = 1; version <= SCRIPTS.size(); version++) {
                String script = read(SCRIPTS.get(version - 1));
                String checksum = checksum(script);
                if (applied.containsKey(version)) {
                    if (!applied.get(version).equals(checksum)) {
                        throw new SQLException("tune schema migration " + SCRIPTS.get(version - 1) + " differs from"
                                + " the one applied to this database (checksum " + applied.get(version) + ", now "
                                + checksum + "): the schema was changed by another build", "TUNE2");
                    }
                    continue;
                }
                statement.execute(script);
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO tune_schema_history (version, description, checksum) VALUES (?, ?, ?)")) {
                    record.setInt(1, version);
                    record.setString(2, SCRIPTS.get(version - 1));
                    record.setString(3, checksum);
                    record.executeUpdate();
                }
                now.add(version);
            }
            connection.commit();
            return now;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** True when every script is applied as it is now: read without the lock, as a worker joining finds it. */
    private static boolean current(Connection connection) throws SQLException {
        Map<Integer, String> applied;
        try (Statement statement = connection.createStatement()) {
            applied = applied(statement);
        } catch (SQLException missing) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return false; // no history yet: the locked path creates it
        }
        if (applied.size() != SCRIPTS.size()) {
            return false;
        }
        for (int version = 1; version <= SCRIPTS.size(); version++) {
            if (!checksum(read(SCRIPTS.get(version - 1))).equals(applied.get(version))) {
                return false; // the locked path explains what differs
            }
        }
        return true;
    }

    /** The versions recorded in {@code tune_schema_history}, with their checksums. */
    private static Map<Integer, String> applied(Statement statement) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT version, checksum FROM tune_schema_history")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the tune-engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String checksum(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
