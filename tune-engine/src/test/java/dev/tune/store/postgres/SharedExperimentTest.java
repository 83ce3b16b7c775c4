package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.Tuner;
import dev.tune.store.StorageException;
import dev.tune.store.postgres.examples.SharedModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One experiment shared through a real PostgreSQL server: worker JVMs joining it, the exact total,
 * no trial run twice, every result in the database, and the errors a user meets first.
 */
class SharedExperimentTest extends WithPostgres {


    private TuneOptions options(String url, String name) {
        return TuneOptions.builder().set(TuneOption.STORAGE, url).set(TuneOption.STORAGE_USER, PostgresServer.USER)
                .set(TuneOption.STORAGE_PASSWORD, PostgresServer.PASSWORD).set(TuneOption.NAME, name)
                .storagePath(dir).verbose(0).build();
    }

    /** Runs {@code quadratic} as two workers of one experiment, on two threads of this JVM; their results. */
    private static List<ExperimentResult> twoWorkers(TuneOptions options) throws InterruptedException {
        List<ExperimentResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    results.add(Tuner.run(quadratic(), options));
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        return results;
    }

    private static Method quadratic() throws NoSuchMethodException {
        return SharedModel.class.getMethod("quadratic", double.class, double.class, dev.tune.TrialContext.class);
    }

    @Test
    void threeWorkerJvmsRunEveryTrialOnceAndRecordEveryResult() throws Exception {
        String url = server.createDatabase("three_workers");
        List<WorkerProcess> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(WorkerProcess.start(url, dir, "quadratic", "shared-three", "worker-" + i,
                    "tune.maxConcurrentTrials=2", "shared.sleepMillis=60"));
        }
        for (int i = 0; i < 3; i++) {
            String log = workers.get(i).await(120);
            assertEquals(0, workers.get(i).process.exitValue(), log);
            assertTrue(log.contains("TOTAL 24"), "each worker's result holds the experiment's 24 trials:\n" + log);
            assertTrue(log.contains("joined experiment shared-three"), log);
            assertFalse(log.contains("not deterministic"), "every replica replayed the same suggestions:\n" + log);
            assertFalse(log.contains(PostgresServer.PASSWORD), log);
        }
        try (Connection c = server.connect("three_workers")) {
            assertEquals(24, count(c, "SELECT count(*) FROM tune_trial"));
            assertEquals(24, count(c, "SELECT count(DISTINCT trial_id) FROM tune_trial"));
            assertEquals(24, count(c, "SELECT count(*) FROM tune_trial WHERE status = 'TERMINATED'"));
            assertEquals(24, count(c, "SELECT count(*) FROM tune_event WHERE kind = 'added'"));
            assertEquals(24, count(c, "SELECT count(*) FROM tune_event WHERE kind = 'ended'"));
            assertEquals(24 * 3, count(c, "SELECT count(*) FROM tune_event WHERE kind = 'result'"));
            assertEquals(24, count(c, "SELECT max(number) FROM tune_trial"));
            assertEquals(count(c, "SELECT count(*) FROM tune_event"), count(c, "SELECT max(seq) FROM tune_event"),
                    "the log has no gaps");
            assertTrue(count(c, "SELECT count(DISTINCT worker) FROM tune_trial") >= 2,
                    "more than one worker ran trials");
            assertEquals(3, count(c, "SELECT count(*) FROM tune_worker"));
        }
    }

    @Test
    void theWorkerEntryPointRunsNamedTrainablesAsWorkers() throws Exception {
        String url = server.createDatabase("entry_point");
        List<WorkerProcess> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(WorkerProcess.start("dev.tune.run.Worker", List.of(SharedModel.class.getName() + "#quadratic"),
                    url, dir, "entry-" + i, "tune.name=entry", "tune.verbose=1", "tune.maxConcurrentTrials=2"));
        }
        for (WorkerProcess worker : workers) {
            String log = worker.await(120);
            assertEquals(0, worker.process.exitValue(), log);
            assertTrue(log.contains("24 terminated"), "each worker prints the experiment's totals:\n" + log);
            assertFalse(log.contains(PostgresServer.PASSWORD), log);
        }
        try (Connection c = server.connect("entry_point")) {
            assertEquals(24, count(c, "SELECT count(*) FROM tune_trial WHERE status = 'TERMINATED'"));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, dev.tune.run.Worker.run(new String[] {SharedModel.class.getName() + "#nope"},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no @Trainable method nope"), err.toString());
        assertEquals(2, dev.tune.run.Worker.run(new String[] {"com.example.Missing"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no class com.example.Missing"), err.toString());
    }

    @Test
    void workersWhoseSearcherReadsNoResultsReturnTheSameTrialsAsAReload() throws Exception {
        String url = server.createDatabase("random_fifo");
        List<ExperimentResult> results = twoWorkers(TuneOptions.builder().searcher("random").build()
                .overriddenBy(options(url, "random-fifo")));
        PostgresLocation location = PostgresLocation.of(url, PostgresServer.USER, PostgresServer.PASSWORD,
                java.util.Map.of());
        ExperimentResult loaded = SharedExperiments.load(location, "random-fifo", dir.resolve("random-fifo"))
                .result(java.util.Optional.empty(), "random-fifo");
        assertEquals(2, results.size());
        for (ExperimentResult result : results) {
            assertEquals(loaded.trials(), result.trials(), "read from the ends' summaries, as a reload reads them");
            assertTrue(result.trials().stream().allMatch(t -> t.iterations() == 3 && t.lastResult().isPresent()));
        }
    }

    @Test
    void longTrialsAreSharedEvenlyNotClaimedAheadByTheFirstWorker() throws Exception {
        String url = server.createDatabase("long_trials");
        Method lengthy = SharedModel.class.getMethod("lengthy", double.class, double.class, dev.tune.TrialContext.class);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> Tuner.run(lengthy, TuneOptions.builder().maxConcurrentTrials(2).build()
                    .overriddenBy(options(url, "long"))));
            threads.add(t);
            t.start();
            Thread.sleep(800); // the first worker has claimed what it runs when the second comes
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        try (Connection c = server.connect("long_trials")) {
            assertEquals(4, count(c, "SELECT count(*) FROM tune_trial WHERE status = 'TERMINATED'"));
            assertEquals(2, count(c, "SELECT count(DISTINCT worker) FROM tune_trial"), "both workers ran trials");
            assertEquals(2, count(c, "SELECT max(n) FROM (SELECT count(*) AS n FROM tune_trial GROUP BY worker) w"),
                    "each of the two workers with two slots ran two of the four trials, at once");
        }
    }

    @Test
    void aWorkerWaitsForTheTrialAnotherIsStillSuggesting() throws Exception {
        String url = server.createDatabase("slow_suggestion");
        List<ExperimentResult> results = twoWorkers(TuneOptions.builder().samples(6).maxConcurrentTrials(1)
                .searcher(() -> new SlowLastSuggestion(1_500)).build().overriddenBy(options(url, "slow")));
        assertEquals(2, results.size());
        for (ExperimentResult result : results) {
            List<String> trials = result.trials().stream().map(t -> "#" + t.number() + " " + t.status()).toList();
            assertEquals(6, trials.size(), "every worker returns every trial: " + trials);
            assertTrue(result.trials().stream().allMatch(t -> t.status() == TrialStatus.TERMINATED),
                    "none still running when a worker returns: " + trials);
        }
    }

    @Test
    void workersInOneJvmShareTheSamplesAndTheResult() throws Exception {
        String url = server.createDatabase("two_in_process");
        List<ExperimentResult> results = twoWorkers(options(url, "in-process"));
        assertEquals(2, results.size());
        for (ExperimentResult result : results) {
            assertEquals(24, result.trials().size());
            Set<Integer> numbers = new HashSet<>();
            result.trials().forEach(t -> numbers.add(t.number()));
            assertEquals(24, numbers.size());
            assertTrue(result.bestTrial().isPresent());
        }
        PostgresLocation location = PostgresLocation.of(url, PostgresServer.USER, PostgresServer.PASSWORD,
                java.util.Map.of());
        assertEquals(java.util.Optional.of("24 trials (24 terminated), 2 worker(s) joined"),
                SharedExperiments.status(location, "in-process"));
        assertEquals(java.util.Optional.empty(), SharedExperiments.status(location, "never-ran"));
        ExperimentResult loaded = SharedExperiments.load(location, "in-process", dir.resolve("in-process"))
                .result(java.util.Optional.empty(), "in-process");
        assertEquals(24, loaded.trials().size());
        assertEquals(results.get(0).bestTrial().orElseThrow().id(), loaded.bestTrial().orElseThrow().id());
        assertEquals(results.get(0).trials(), loaded.trials(), "analysis reads exactly what the workers returned");
        Path exported = SharedExperiments.export(location, "in-process", dir.resolve("exported"));
        List<Trial> fromFiles = dev.tune.store.StoredExperiment.load(exported).trials();
        assertEquals(loaded.trials().stream().map(SharedExperimentTest::essence).toList(),
                fromFiles.stream().map(SharedExperimentTest::essence).toList(), "the export reads back as the same trials");
        assertTrue(java.nio.file.Files.exists(fromFiles.get(0).dir().orElseThrow().resolve("progress.csv")),
                "Ray's files are there");
        try (Connection c = server.connect("two_in_process")) {
            ResultSet info = c.createStatement().executeQuery("SELECT info FROM tune_experiment");
            info.next();
            assertFalse(info.getString(1).contains(PostgresServer.PASSWORD), "the password is never recorded");
        }
    }

    @Test
    void aWorkerWithAnotherSpaceIsRefusedNamingBoth() throws Exception {
        String url = server.createDatabase("mismatch");
        Tuner.run(quadratic(), options(url, "same-name"));
        Method other = SharedModel.class.getMethod("otherSpace", double.class, dev.tune.TrialContext.class);
        StorageException refused = assertThrows(StorageException.class, () -> Tuner.run(other, options(url, "same-name")));
        String message = refused.getMessage();
        assertTrue(message.contains("same-name") && message.contains("space: the experiment has")
                && message.contains("lr") && message.contains("this worker has"), message);
        assertFalse(message.contains(PostgresServer.PASSWORD), message);
    }

    @Test
    void wrongPasswordIsExplainedWithTheUrlMaskedWithinSeconds() throws Exception {
        server.createDatabase("credentials");
        String url = server.url("credentials") + "?password=wrong-Password-1";
        long start = System.nanoTime();
        StorageException refused = assertThrows(StorageException.class, () -> Tuner.run(quadratic(),
                TuneOptions.builder().set(TuneOption.STORAGE, url).set(TuneOption.STORAGE_USER, PostgresServer.USER)
                        .storagePath(dir).verbose(0).build()));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertTrue(refused.getMessage().contains("refused the user or password"), refused.getMessage());
        assertTrue(refused.getMessage().contains("password=****"), refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong-Password-1"), refused.getMessage());
    }

    @Test
    void aServerThatIsDownIsExplainedWithinSeconds() throws Exception {
        int unused;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        long start = System.nanoTime();
        StorageException refused = assertThrows(StorageException.class, () -> Tuner.run(quadratic(),
                options("jdbc:postgresql://127.0.0.1:" + unused + "/tune", "down")));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertTrue(refused.getMessage().contains("127.0.0.1:" + unused) && refused.getMessage().contains("cannot be reached"),
                refused.getMessage());
    }

    @Test
    void aCustomSchedulerIsRefusedBeforeAnyConnection() {
        dev.tune.schedule.Scheduler custom = result -> dev.tune.schedule.Decision.CONTINUE;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Tuner.run(quadratic(),
                TuneOptions.builder().scheduler(() -> custom).build()
                        .overriddenBy(options("jdbc:postgresql://127.0.0.1:1/none", "custom"))));
        assertTrue(refused.getMessage().contains("Experiment custom") && refused.getMessage().contains(
                "use fifo, asha, median, hyperband or pbt"), refused.getMessage());
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedBeforeAnyConnection() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Tuner.run(quadratic(),
                options("jdbc:postgresql:/no-host", "bad")));
        assertTrue(bad.getMessage().contains("jdbc:postgresql://host:5432/database"), bad.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> Tuner.run(quadratic(),
                options("jdbc:mysql://u:pw@host/db", "bad")));
        assertTrue(other.getMessage().contains("only PostgreSQL") && !other.getMessage().contains(":pw@"),
                other.getMessage());
    }

    /** What a trial is, apart from where its files are. */
    private static List<Object> essence(Trial t) {
        return List.of(t.id(), t.number(), t.name(), t.config(), t.status(), t.termination(), t.iterations(),
                t.lastResult(), t.metrics(), t.error());
    }

    static long count(Connection c, String sql) throws java.sql.SQLException {
        try (ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
