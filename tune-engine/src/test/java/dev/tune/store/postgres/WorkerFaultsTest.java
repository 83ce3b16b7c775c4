package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers that die: their trials are taken over by the others, from the latest checkpoint. */
class WorkerFaultsTest {

    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static final String[] FAST_HEARTBEAT = {"tune.maxConcurrentTrials=1", "shared.sleepMillis=150",
        "tune.stop.maxIterations=15", "tune.storage.heartbeatInterval=200ms", "tune.storage.gracePeriod=1s",
        "tune.maxFailures=1"};

    @Test
    void aTrialOfAKilledWorkerIsTakenOverAndFinishesFromItsCheckpoint() throws Exception {
        String url = server.createDatabase("sigkill");
        WorkerProcess doomed = WorkerProcess.start(url, dir, "Slow", "sigkill", "doomed", FAST_HEARTBEAT);
        long checkpoint;
        try (Connection c = server.connect("sigkill")) {
            checkpoint = awaitCheckpoint(c, 1, 3);
            WorkerProcess survivor = WorkerProcess.start(url, dir, "Slow", "sigkill", "survivor", FAST_HEARTBEAT);
            doomed.process.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
            doomed.process.waitFor();
            String log = survivor.await(90);
            assertEquals(0, survivor.process.exitValue(), log);
            assertTrue(log.contains("TOTAL 2"), log);
            assertTrue(log.contains("lost its worker") && log.contains("Taking over trial #1"), log);

            assertEquals(1, SharedExperimentTest.count(c, "SELECT lost FROM tune_trial WHERE number = 1"));
            assertEquals(2, SharedExperimentTest.count(c, "SELECT count(*) FROM tune_trial WHERE status = 'TERMINATED'"));
            assertEquals(1, SharedExperimentTest.count(c, "SELECT count(*) FROM tune_event WHERE trial_number = 1"
                    + " AND kind = 'ended'"));
            List<long[]> results = results(c, 1);
            assertEquals(1, results.stream().filter(r -> r[0] == 1).count(), "trial 1 never started again from scratch");
            assertEquals(15, results.get(results.size() - 1)[0], "it ran to its 15 iterations");
            for (long[] r : results) {
                assertEquals(r[0], r[1], "the model's own step count came back from the checkpoint: " + r[0]);
            }
            assertTrue(checkpoint >= 3);
        }
    }

    /** Waits until trial {@code number} recorded a checkpoint at iteration {@code at} or later; returns it. */
    private static long awaitCheckpoint(Connection c, int number, long at) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (ResultSet row = c.createStatement().executeQuery("SELECT max((body::json->>'iteration')::bigint)"
                    + " FROM tune_event WHERE trial_number = " + number + " AND kind = 'checkpoint'")) {
                row.next();
                long iteration = row.getLong(1);
                if (iteration >= at) {
                    return iteration;
                }
            } catch (java.sql.SQLException notYet) {
                // the first worker has not created the tables yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("trial " + number + " saved no checkpoint at iteration " + at);
    }

    /** Each result of trial {@code number} in log order: training iteration and the model's step count. */
    private static List<long[]> results(Connection c, int number) throws Exception {
        List<long[]> results = new ArrayList<>();
        try (ResultSet rows = c.createStatement().executeQuery("SELECT (body::json->>'training_iteration')::bigint,"
                + " (body::json->>'steps')::float8 FROM tune_event WHERE trial_number = " + number
                + " AND kind = 'result' ORDER BY seq")) {
            while (rows.next()) {
                results.add(new long[] {rows.getLong(1), (long) rows.getDouble(2)});
            }
        }
        return results;
    }
}
