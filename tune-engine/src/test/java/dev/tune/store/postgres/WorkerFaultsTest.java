package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workers that die: their trials are taken over by the others, from the latest checkpoint. */
class WorkerFaultsTest extends WithPostgres {


    private static final String[] FAST_HEARTBEAT = {"tune.maxConcurrentTrials=1", "shared.sleepMillis=150",
        "tune.stop.maxIterations=15", "tune.storage.heartbeatInterval=200ms", "tune.storage.gracePeriod=1s",
        "tune.maxFailures=1"};

    @Test
    void aTrialOfAKilledWorkerIsTakenOverAndFinishesFromItsCheckpoint() throws Exception {
        String url = server.createDatabase("sigkill");
        // each worker keeps its files under its own storage path, as on two machines: the survivor finds
        // the killed worker's checkpoint in the database
        WorkerProcess doomed = WorkerProcess.start(url, java.nio.file.Files.createDirectories(dir.resolve("machine-a")),
                "Slow", "sigkill", "doomed", FAST_HEARTBEAT);
        long checkpoint;
        try (Connection c = server.connect("sigkill")) {
            checkpoint = awaitCheckpoint(c, 1, 3);
            WorkerProcess survivor = WorkerProcess.start(url, java.nio.file.Files.createDirectories(
                    dir.resolve("machine-b")), "Slow", "sigkill", "survivor", FAST_HEARTBEAT);
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

    @Test
    void workersRideOutAShortOutageStopCleanlyInALongOneAndTheExperimentResumes() throws Exception {
        String url = server.createDatabase("outage");
        String[] settings = {"tune.samples=6", "tune.maxConcurrentTrials=1", "shared.sleepMillis=100",
            "tune.stop.maxIterations=15", "tune.storage.heartbeatInterval=200ms", "tune.storage.gracePeriod=2s",
            "tune.storage.retryFor=5s", "tune.maxFailures=3"};
        List<WorkerProcess> first = List.of(WorkerProcess.start(url, dir, "Slow", "outage", "first-a", settings),
                WorkerProcess.start(url, dir, "Slow", "outage", "first-b", settings));
        try (Connection c = server.connect("outage")) {
            awaitCheckpoint(c, 1, 2);
            awaitWorkersHoldingTrials(c, 2); // both joined: the outage hits running workers, not a join
        }
        server.stop(); // a short outage, well within tune.storage.retryFor
        Thread.sleep(500);
        server.restart();
        for (WorkerProcess worker : first) {
            awaitLog(worker, "is back");
        }
        try (Connection c = server.connect("outage")) {
            awaitCheckpoint(c, 2, 8);
        }
        server.stop();
        try {
            for (WorkerProcess worker : first) {
                String log = worker.await(60);
                assertTrue(worker.process.exitValue() != 0, "a worker without its database stops:\n" + log);
                assertTrue(log.contains("Lost the database") && log.contains("is back"),
                        "the short outage was ridden out:\n" + log);
                assertTrue(log.contains("longer than tune.storage.retryFor=5.0 s"), log);
                assertTrue(!log.contains(PostgresServer.PASSWORD), log);
            }
        } finally {
            server.restart();
        }
        List<WorkerProcess> again = List.of(WorkerProcess.start(url, dir, "Slow", "outage", "again-a", settings),
                WorkerProcess.start(url, dir, "Slow", "outage", "again-b", settings));
        for (WorkerProcess worker : again) {
            String log = worker.await(90);
            assertEquals(0, worker.process.exitValue(), log);
            assertTrue(log.contains("TOTAL 6"), log);
        }
        try (Connection c = server.connect("outage")) {
            assertEquals(6, SharedExperimentTest.count(c, "SELECT count(*) FROM tune_trial WHERE status = 'TERMINATED'"));
            assertEquals(6, SharedExperimentTest.count(c, "SELECT count(*) FROM tune_event WHERE kind = 'ended'"));
            assertEquals(6, SharedExperimentTest.count(c, "SELECT count(DISTINCT trial_number) FROM tune_event"
                    + " WHERE kind = 'result' AND (body::json->>'training_iteration')::int = 15"));
            assertTrue(SharedExperimentTest.count(c, "SELECT count(*) FROM tune_event WHERE kind = 'result'"
                    + " AND (body::json->>'training_iteration')::int = 1") <= 6 + 2,
                    "trials the first workers left went on from their checkpoints");
        }
    }

    /** Waits until {@code worker} logged {@code text}: both workers noticed the database and saw it come back. */
    private static void awaitLog(WorkerProcess worker, String text) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (java.nio.file.Files.readString(worker.log).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the worker never logged '" + text + "':\n" + java.nio.file.Files.readString(worker.log));
    }

    /** Waits until trial {@code number} recorded a checkpoint at iteration {@code at} or later; returns it. */
    private static void awaitWorkersHoldingTrials(Connection c, int workers) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (SharedExperimentTest.count(c, "SELECT count(DISTINCT worker) FROM tune_trial WHERE status = 'RUNNING'")
                    >= workers) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + workers + " workers hold trials");
    }

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
