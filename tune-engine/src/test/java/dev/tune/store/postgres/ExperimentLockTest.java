package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tune.Config;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.SharedRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who waits for the experiment's row lock, which every append and claim takes: only the appends
 * and claims that need it. A worker joining, a claim the experiment already passed, and a worker
 * saving the experiment's state at its end go on while another worker holds it.
 */
class ExperimentLockTest {

    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWorkerJoinsWhileAnotherHoldsTheExperiment() throws Exception {
        PostgresExperiment first = join("lock_join");
        try (Connection holder = server.connect("lock_join"); Connection joiner = server.connect("lock_join")) {
            long id = holdTheExperiment(holder);
            joiner.createStatement().execute("SET statement_timeout = '3s'");
            try (PreparedStatement join = joiner.prepareStatement(
                    "INSERT INTO tune_worker (experiment_id, worker, host) VALUES (?, 'second', 'here')")) {
                join.setLong(1, id);
                assertEquals(1, join.executeUpdate(), "the worker's row checks the experiment's key, not its lock");
            }
            holder.rollback();
        } finally {
            first.close();
        }
    }

    @Test
    void aClaimTheExperimentPassedReturnsWithoutWaitingForTheLock() throws Exception {
        PostgresExperiment first = join("lock_miss");
        try (Connection holder = server.connect("lock_miss"); Connection claimer = server.connect("lock_miss")) {
            long id = experimentId(holder);
            holder.createStatement().execute("UPDATE tune_experiment SET next_number = 50 WHERE id = " + id);
            holdTheExperiment(holder);
            claimer.createStatement().execute("SET statement_timeout = '3s'");
            TrialRows.ClaimAt missed = TrialRows.claimAt(claimer, id, 1, new String[] {"a", "b", "c"},
                    new String[] {"{}", "{}", "{}"}, "second", 1);
            assertEquals(new TrialRows.ClaimAt(0, 0, 50, null, false), missed);
            holder.rollback();
        } finally {
            first.close();
        }
    }

    @Test
    void theStateAtAWorkersEndIsNotWaitedFor() throws Exception {
        PostgresExperiment first = join("lock_state");
        try (Connection holder = server.connect("lock_state")) {
            holdTheExperiment(holder);
            ExperimentState state = new ExperimentState("TERMINATED", Map.of("TERMINATED", 1L), Optional.empty(),
                    Optional.empty(), Instant.now());
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> first.saveState(state),
                    "another worker holds the row: it saves a state after its own append");
            holder.rollback();
            first.saveState(state);
            assertEquals(1, SharedExperimentTest.count(holder, "SELECT count(*) FROM tune_experiment"
                    + " WHERE state LIKE '%TERMINATED%'"), "saved once the row is free");
        } finally {
            first.close();
        }
    }

    @Test
    void aWorkerWaitsForTheOthersTrialsNotForItsOwn() throws Exception {
        PostgresExperiment first = join("lock_open");
        PostgresExperiment second = join("lock_open");
        try {
            assertInstanceOf(SharedRun.Claim.Added.class, first.claim(SharedRun.Replica.NONE,
                    number -> new SharedRun.Claim.Added(trial(number))));
            assertEquals(0, first.openTrials(), "its own trial: the worker knows when it ends");
            assertEquals(1, second.openTrials(), "the other's trial may still fail and come back");
        } finally {
            first.close();
            second.close();
        }
    }

    /** Takes the experiment's lock as an append does, in a transaction left open; returns its id. */
    private static long holdTheExperiment(Connection holder) throws Exception {
        long id = experimentId(holder);
        holder.setAutoCommit(false);
        holder.createStatement().execute("SELECT * FROM tune_lock_head(" + id + ")");
        return id;
    }

    private static long experimentId(Connection c) throws Exception {
        try (ResultSet row = c.createStatement().executeQuery("SELECT id FROM tune_experiment")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Joins experiment {@code name}, in a database of that name made by the first to join. */
    private PostgresExperiment join(String name) {
        String url = server.url(name);
        try (Connection probe = server.connect("postgres"); ResultSet exists = probe.createStatement().executeQuery(
                "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!exists.next()) {
                url = server.createDatabase(name);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        ExperimentInfo info = new ExperimentInfo(name, "Model", "ab12c", 1, 10, "random", "random search",
                List.of("loss"), List.of("min"), "loss (min)", Map.of("x", "uniform(0, 1)"), Map.of(), Instant.now());
        return PostgresExperiment.join(PostgresLocation.of(url, PostgresServer.USER, PostgresServer.PASSWORD, Map.of()),
                info, dir, new Heartbeats.Settings(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ofSeconds(10)));
    }

    private Trial trial(int number) {
        String id = "ab12c_" + String.format("%05d", number);
        return new Trial(id, number, "#" + number, Config.of(Map.of("x", 0.5)), TrialStatus.RUNNING, Optional.empty(),
                0, Optional.empty(), Map.of(), Optional.empty(), Optional.of(dir.resolve(id)), List.of());
    }
}
