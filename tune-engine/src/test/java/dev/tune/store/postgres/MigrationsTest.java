package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.io.Secrets;
import dev.tune.store.SharedRun.RungRead;
import dev.tune.store.SharedRun.RungValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Versioned migrations on a real server, and how storage URLs are read and shown. */
class MigrationsTest {

    @Test
    void everyScriptIsListedInOrder() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/dev/tune/store/postgres/migrations"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(names, Migrations.SCRIPTS);
        }
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            assertTrue(Migrations.SCRIPTS.get(i).startsWith("V" + (i + 1) + "__"), Migrations.SCRIPTS.get(i));
        }
    }

    @Test
    void appliesOnceRecordsChecksumsAndRefusesANewerSchema() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            server.createDatabase("migrations");
            try (Connection c = server.connect("migrations")) {
                assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), Migrations.apply(c));
                assertEquals(List.of(), Migrations.apply(c), "a second worker finds the schema current");
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT version, description FROM tune_schema_history ORDER BY version")) {
                    rows.next();
                    assertEquals(1, rows.getInt(1));
                    assertEquals("V1__shared_experiments.sql", rows.getString(2));
                }
                c.createStatement().execute("UPDATE tune_schema_history SET checksum = 'edited' WHERE version = 1");
                SQLException edited = assertThrows(SQLException.class, () -> Migrations.apply(c));
                assertTrue(edited.getMessage().contains("differs from the one applied"), edited.getMessage());
                c.createStatement().execute("INSERT INTO tune_schema_history VALUES (99, 'future', 'x')");
                SQLException newer = assertThrows(SQLException.class, () -> Migrations.apply(c));
                assertTrue(newer.getMessage().contains("version 99, newer than this tune"), newer.getMessage());
            }
        }
    }

    @Test
    void aDatabaseAnOlderTuneMigratedGetsOnlyTheNewerScripts() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            server.createDatabase("upgrade");
            try (Connection c = server.connect("upgrade")) {
                String v1 = Migrations.read(Migrations.SCRIPTS.get(0));
                c.createStatement().execute(v1);
                c.createStatement().execute("CREATE TABLE tune_schema_history (version INTEGER PRIMARY KEY,"
                        + " description TEXT NOT NULL, checksum TEXT NOT NULL, installed_at TIMESTAMPTZ)");
                c.createStatement().execute("INSERT INTO tune_schema_history VALUES (1, 'V1__shared_experiments.sql', '"
                        + Migrations.checksum(v1) + "', now())");
                c.createStatement().execute("INSERT INTO tune_experiment (name, fingerprint, info)"
                        + " VALUES ('old', 'f', '{}')");
                c.createStatement().execute("INSERT INTO tune_trial (experiment_id, number, trial_id, config, status)"
                        + " SELECT id, n, 't' || n, '{}', 'TERMINATED' FROM tune_experiment, generate_series(1, 3) n");
                assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), Migrations.apply(c));
                try (ResultSet row = c.createStatement().executeQuery("SELECT trials FROM tune_experiment")) {
                    row.next();
                    assertEquals(3, row.getInt(1), "version 6 counts the trials recorded before it");
                }
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT seq, kind FROM tune_lock_and_read((SELECT id FROM tune_experiment), 0)")) {
                    assertTrue(rows.next(), "the version 2 and 3 functions work on the version 1 tables");
                    assertEquals(0, rows.getLong(1));
                    assertEquals("head", rows.getString(2));
                }
            }
        }
    }

    @Test
    void aRecordTakesTheWorkersNextNumberAndTheSamplesCountRecordedAndHeldNumbers() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            server.createDatabase("numbers");
            try (Connection c = server.connect("numbers")) {
                Migrations.apply(c);
                c.createStatement().execute("INSERT INTO tune_experiment (name, fingerprint, info)"
                        + " VALUES ('e', 'f', '{}')");
                c.createStatement().execute("INSERT INTO tune_worker (experiment_id, worker, host)"
                        + " SELECT id, w, 'h' FROM tune_experiment, unnest(ARRAY['a', 'b']) w");
                long e = scalar(c, "SELECT id FROM tune_experiment");
                assertEquals(1, scalar(c, "SELECT taken FROM tune_take_number(" + e + ", 3, 'a', 60)"));
                assertEquals(2, scalar(c, "SELECT taken FROM tune_take_number(" + e + ", 3, 'b', 60)"));
                assertEquals(3, recordAndTake(c, e, 1, "a"), "a's record takes its next number");
                assertEquals(0, recordAndTake(c, e, 2, "b"),
                        "two trials recorded and a's held number make the 3 samples");
                assertEquals(2, scalar(c, "SELECT trials FROM tune_experiment"));
                c.createStatement().execute("SELECT tune_give_back_numbers(" + e + ", 'a')");
                assertEquals(4, scalar(c, "SELECT taken FROM tune_take_number(" + e + ", 3, 'b', 60)"),
                        "a number given back no longer counts; numbers are never taken twice");
                assertEquals(0, recordAndTake(c, e, 4, "b"));
                assertEquals(3, scalar(c, "SELECT trials FROM tune_experiment"));
                assertEquals(3, scalar(c, "SELECT count(*) FROM tune_trial"));
                assertEquals(0, scalar(c, "SELECT count(*) FROM tune_number"));
            }
        }
    }

    @Test
    void deletingAnExperimentDeletesItsTrialsEventsNumbersAndRungsWithoutForeignKeysOnThem() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            server.createDatabase("deletion");
            try (Connection c = server.connect("deletion")) {
                Migrations.apply(c);
                c.createStatement().execute("INSERT INTO tune_experiment (name, fingerprint, info)"
                        + " VALUES ('gone', 'f', '{}'), ('kept', 'f', '{}')");
                c.createStatement().execute("INSERT INTO tune_worker (experiment_id, worker, host)"
                        + " SELECT id, 'a', 'h' FROM tune_experiment");
                for (String name : List.of("gone", "kept")) {
                    long e = scalar(c, "SELECT id FROM tune_experiment WHERE name = '" + name + "'");
                    assertEquals(1, scalar(c, "SELECT taken FROM tune_take_number(" + e + ", 0, 'a', 60)"));
                    assertEquals(2, recordAndTake(c, e, 1, "a"));
                    c.createStatement().execute("SELECT tune_rung_record(" + e + ", ARRAY[0], ARRAY[0], ARRAY['t1'],"
                            + " ARRAY[1.0::float8], 0)");
                }
                assertEquals(0, scalar(c, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid IN"
                        + " ('tune_trial'::regclass, 'tune_event'::regclass, 'tune_number'::regclass,"
                        + " 'tune_rung'::regclass)"), "no row of these share-locks the experiment's row");
                c.createStatement().execute("DELETE FROM tune_experiment WHERE name = 'gone'");
                for (String table : List.of("tune_trial", "tune_event", "tune_number", "tune_rung", "tune_worker")) {
                    assertEquals(1, scalar(c, "SELECT count(DISTINCT experiment_id) FROM " + table), table);
                    assertEquals(0, scalar(c, "SELECT count(*) FROM " + table + " WHERE experiment_id NOT IN"
                            + " (SELECT id FROM tune_experiment)"), table);
                }
            }
        }
    }

    @Test
    void rungRecordsReadWhatWasRecordedSinceTheirHorizonIncludingWhatCommittedLateAndKeepATrialsFirstValue()
            throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            server.createDatabase("rungs");
            try (Connection c = server.connect("rungs"); Connection other = server.connect("rungs")) {
                Migrations.apply(c);
                c.createStatement().execute("INSERT INTO tune_experiment (name, fingerprint, info)"
                        + " VALUES ('e', 'f', '{}')");
                long e = scalar(c, "SELECT id FROM tune_experiment");
                RungRead first = rungRecord(c, e, 0, new RungValue(0, 0, "t0", 0.5), new RungValue(1, 0, "t0", 0.4));
                assertEquals(2, first.inserted());
                assertEquals(List.of(), first.read());
                RungRead second = rungRecord(c, e, first.horizon(), new RungValue(0, 0, "t1", 0.7));
                assertEquals(List.of(new RungValue(0, 0, "t0", 0.5), new RungValue(1, 0, "t0", 0.4)),
                        second.read(), "what was recorded since the first read, at every rung");
                other.setAutoCommit(false); // a worker whose statement has not committed yet
                rungRecord(other, e, 0, new RungValue(0, 0, "t2", 0.9));
                RungRead third = rungRecord(c, e, second.horizon(), new RungValue(0, 1, "t1", 0.1));
                assertEquals(List.of(new RungValue(0, 0, "t1", 0.7)), third.read(), "t2 is not committed: not read");
                other.commit();
                RungRead fourth = rungRecord(c, e, third.horizon());
                assertTrue(fourth.read().containsAll(List.of(new RungValue(0, 0, "t2", 0.9),
                        new RungValue(0, 1, "t1", 0.1))), "what committed after a read is read from its horizon");
                assertFalse(fourth.read().contains(new RungValue(0, 0, "t1", 0.7)), "what was read is not read again");
                RungRead again = rungRecord(c, e, 0, new RungValue(0, 0, "t0", 0.3), new RungValue(0, 1, "t0", 0.3));
                assertEquals(1, again.inserted(), "a trial keeps its first value at a rung");
                assertEquals(5, again.read().size());
                assertEquals(0.5, scalarDouble(c, "SELECT value FROM tune_rung WHERE trial_id = 't0' AND rung = 0"
                        + " AND bracket = 0"));
            }
        }
    }

    private static RungRead rungRecord(Connection c, long e, long since, RungValue... values) throws SQLException {
        return RungRows.record(c, e, List.of(values), since);
    }

    private static double scalarDouble(Connection c, String sql) throws SQLException {
        try (ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getDouble(1);
        }
    }

    /** Records trial {@code number} for {@code worker} with 3 samples; the number it took next (0: none). */
    private static long recordAndTake(Connection c, long e, int number, String worker) throws SQLException {
        return scalar(c, "SELECT taken FROM tune_add_taken_and_take(" + e + ", " + number + ", 't" + number
                + "', '{}', '" + worker + "', 3, 60)");
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void passwordsAreMaskedWhereverTheUrlCarriesThem() {
        assertEquals("jdbc:postgresql://tune:****@db:5432/x?ssl=true&password=****&a=b",
                Secrets.maskUrl("jdbc:postgresql://tune:pw@db:5432/x?ssl=true&password=s3&a=b"));
        assertEquals("jdbc:postgresql://db/x", Secrets.maskUrl("jdbc:postgresql://db/x"));
        PostgresLocation location = PostgresLocation.of("jdbc:postgresql://db:5432/x?password=s3", null, null,
                Map.of("PGUSER", "env-user", "PGPASSWORD", "env-pw"));
        assertEquals("env-user", location.user());
        assertEquals("env-pw", location.password());
        assertTrue(!location.toString().contains("s3") && !location.toString().contains("env-pw"), location.toString());
        assertEquals("given",
                PostgresLocation.of("jdbc:postgresql://db/x", "given", "pw", Map.of("PGUSER", "e")).user());
    }
}
