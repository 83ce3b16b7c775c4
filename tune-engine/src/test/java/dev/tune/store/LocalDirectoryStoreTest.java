package dev.tune.store;

import static dev.tune.store.StoreFixtures.added;
import static dev.tune.store.StoreFixtures.ended;
import static dev.tune.store.StoreFixtures.info;
import static dev.tune.store.StoreFixtures.metrics;
import static dev.tune.store.StoreFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.Config;
import dev.tune.result.MetricHistory;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryStoreTest {

    enum Optimizer { ADAM, SGD }

    record Shape(int width, int height) {
    }

    @TempDir
    Path dir;

    private final List<Map<String, Double>> firstTrialMetrics = List.of(
            metrics("loss", 1.0, "acc", 0.5),
            metrics("loss", Double.NaN, "acc", 0.7, "extra", 3.0),
            metrics("acc", 0.8));
    private final TrialError failure = TrialError.of(new IllegalStateException("diverged, at \"x\""));

    /** Three trials: the first completes, the second fails, the third is still running. */
    private void writeExperiment() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("lr", 0.001);
        config.put("batch", 32);
        config.put("optimizer", Optimizer.ADAM);
        config.put("shape", new Shape(2, 3));
        config.put("label", "a,b");
        config.put("flag", true);
        Trial first = added("3f2a1_00001", 1, Config.of(config), Optional.of(dir.resolve("train_00001_lr=0.001")));
        Trial second = added("3f2a1_00002", 2, Config.of(Map.of("lr", 0.01)), Optional.empty());
        Trial third = added("3f2a1_00003", 3, Config.of(Map.of("lr", 0.1)), Optional.empty());
        try (LocalDirectoryStore store = new LocalDirectoryStore(dir)) {
            store.open(info());
            store.addTrial(first);
            store.addTrial(second);
            store.addTrial(third);
            for (int i = 0; i < firstTrialMetrics.size(); i++) {
                store.appendResult(first, result(first.id(), i + 1, firstTrialMetrics.get(i)));
            }
            store.appendResult(second, result(second.id(), 1, metrics("loss", 2.0)));
            store.appendResult(third, result(third.id(), 1, metrics("loss", 0.25)));
            store.endTrial(ended(second, TrialStatus.ERROR, null, 1, Optional.of(failure)));
            store.endTrial(ended(first, TrialStatus.TERMINATED, Termination.COMPLETED, 3, Optional.empty()));
            store.saveState(StoreFixtures.state(first.id(), 1.0));
        }
    }

    @Test
    void loadsBackWhatItWrote() {
        writeExperiment();
        StoredExperiment stored = StoredExperiment.load(dir);
        assertEquals(info(), stored.info());
        assertEquals(Optional.of(StoreFixtures.state("3f2a1_00001", 1.0)), stored.state());
        assertEquals(List.of("3f2a1_00001", "3f2a1_00002", "3f2a1_00003"),
                stored.trials().stream().map(Trial::id).toList());

        Trial first = stored.trials().get(0);
        Map<String, Object> config = first.config().asMap();
        assertEquals(List.of("lr", "batch", "optimizer", "shape", "label", "flag"), List.copyOf(config.keySet()));
        assertEquals(0.001, config.get("lr"));
        assertEquals(32L, config.get("batch"), "integral numbers come back as Long");
        assertEquals("ADAM", config.get("optimizer"));
        assertEquals("Shape[width=2, height=3]", config.get("shape"));
        assertEquals("a,b", config.get("label"));
        assertEquals(true, config.get("flag"));
        assertEquals(TrialStatus.TERMINATED, first.status());
        assertEquals(Optional.of(Termination.COMPLETED), first.termination());
        assertEquals(3, first.iterations());
        assertEquals(Optional.of(result(first.id(), 3, metrics("acc", 0.8))), first.lastResult());
        MetricHistory history = new MetricHistory();
        firstTrialMetrics.forEach(history::add);
        assertEquals(history.snapshot(), first.metrics());
        assertEquals(Optional.of(dir.resolve("train_00001_lr=0.001")), first.dir());
        assertEquals("#1", first.name());

        Trial second = stored.trials().get(1);
        assertEquals(TrialStatus.ERROR, second.status());
        assertEquals(Optional.empty(), second.termination());
        assertEquals(Optional.of(failure), second.error());
        assertEquals(Optional.of(dir.resolve("3f2a1_00002")), second.dir());

        Trial third = stored.trials().get(2);
        assertEquals(TrialStatus.RUNNING, third.status(), "a trial that never ended keeps its last status");
        assertEquals(1, third.iterations(), "without an end event, iterations are the results read");
        assertEquals(0.25, third.lastResult().orElseThrow().metric("loss"));
    }

    @Test
    void aBufferedStoreWritesLinesOutOnceItsQueueIsDrainedWithoutClosing() throws Exception {
        Trial trial = added("3f2a1_00001", 1, Config.of(Map.of("lr", 0.1)), Optional.empty());
        ExperimentStore store = LocalDirectoryStore.buffered(dir, "test");
        try {
            store.open(info());
            store.addTrial(trial);
            for (int i = 1; i <= 3; i++) {
                store.appendResult(trial, result(trial.id(), i, metrics("loss", 1.0 / i)));
            }
            Path results = dir.resolve("3f2a1_00001").resolve("result.json");
            Path progress = dir.resolve("3f2a1_00001").resolve("progress.csv");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lines(results) + lines(progress) < 7 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(3, lines(results), "flushed while the trial's files are still open");
            assertEquals(4, lines(progress), "a header and three rows");
        } finally {
            store.close();
        }
    }

    private static int lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    @Test
    void writesRaysLayout() throws IOException {
        writeExperiment();
        Path trialDir = dir.resolve("train_00001_lr=0.001");
        ObjectMapper json = new ObjectMapper();

        List<String> results = Files.readAllLines(trialDir.resolve("result.json"));
        assertEquals(3, results.size());
        List<String> fields = new ArrayList<>();
        json.readTree(results.get(1)).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("trial_id", "training_iteration", "time_this_iter_s", "time_total_s",
                "time_since_restore", "timestamp", "iterations_since_restore", "done", "loss", "acc", "extra"), fields);
        assertEquals("NaN", json.readTree(results.get(1)).get("loss").asText(), "non-finite values stay valid JSON");

        List<String> progress = Files.readAllLines(trialDir.resolve("progress.csv"));
        assertEquals("trial_id,training_iteration,time_this_iter_s,time_total_s,time_since_restore,timestamp,"
                + "iterations_since_restore,done,loss,acc", progress.get(0));
        assertEquals("3f2a1_00001,1,0.25,0.25,0.25,1700000000001,1,false,1.0,0.5", progress.get(1));
        assertTrue(progress.get(2).endsWith(",NaN,0.7"), "a later metric has no column: " + progress.get(2));
        assertTrue(progress.get(3).endsWith(",false,,0.8"), "a missing metric is an empty cell: " + progress.get(3));

        JsonNode params = json.readTree(trialDir.resolve("params.json").toFile());
        assertEquals(0.001, params.get("lr").doubleValue());
        assertEquals("ADAM", params.get("optimizer").asText());
        assertEquals(failure.stackTrace(), Files.readString(dir.resolve("3f2a1_00002/error.txt")));
        assertFalse(Files.exists(trialDir.resolve("error.txt")));

        List<String> journal = Files.readAllLines(dir.resolve("trials.jsonl"));
        assertEquals(5, journal.size());
        JsonNode add = json.readTree(journal.get(0));
        assertEquals("added", add.get("event").asText());
        assertEquals("train_00001_lr=0.001", add.get("dir").asText(), "trial directories are kept relative");
        assertEquals(32, add.get("config").get("batch").intValue());
        JsonNode end = json.readTree(journal.get(3));
        assertEquals("ended", end.get("event").asText());
        assertEquals("diverged, at \"x\"", end.get("error").get("message").asText());
        assertTrue(json.readTree(journal.get(4)).get("error").isNull());
        assertEquals("loss (min)", json.readTree(dir.resolve("experiment.json").toFile()).get("objective").asText());
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws IOException {
        writeExperiment();
        try (LocalDirectoryStore store = new LocalDirectoryStore(dir)) {
            store.saveState(StoreFixtures.state("3f2a1_00003", 0.25));
            store.open(info());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> leftovers = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), leftovers);
        }
        assertEquals(Optional.of("3f2a1_00003"), StoredExperiment.load(dir).state().orElseThrow().bestTrialId());
    }

    @Test
    void trialsWrittenFromManyThreadsAllLoad() throws InterruptedException {
        int threads = 8;
        int results = 200;
        try (LocalDirectoryStore store = new LocalDirectoryStore(dir)) {
            store.open(info());
            List<Thread> workers = new ArrayList<>();
            for (int t = 1; t <= threads; t++) {
                Trial trial = added("t" + t, t, Config.of(Map.of("worker", t)), Optional.empty());
                workers.add(new Thread(() -> {
                    store.addTrial(trial);
                    for (int i = 1; i <= results; i++) {
                        store.appendResult(trial, result(trial.id(), i, metrics("loss", 1.0 / i)));
                    }
                    store.endTrial(ended(trial, TrialStatus.TERMINATED, Termination.COMPLETED, results,
                            Optional.empty()));
                }));
            }
            workers.forEach(Thread::start);
            for (Thread worker : workers) {
                worker.join();
            }
        }
        List<Trial> trials = StoredExperiment.load(dir).trials();
        assertEquals(threads, trials.size());
        for (Trial trial : trials) {
            assertEquals(results, trial.iterations());
            assertEquals(results, trial.metrics().get("loss").count());
            assertEquals(results, trial.lastResult().map(Result::iteration).orElseThrow());
            assertEquals((long) trial.number(), trial.config().get("worker"));
        }
    }

    @Test
    void writeFailuresNameTheFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "not a directory");
        LocalDirectoryStore store = new LocalDirectoryStore(blocker.resolve("exp"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.open(info()));
        assertTrue(e.getMessage().contains(blocker.resolve("exp").resolve("experiment.json").toString()),
                e.getMessage());
        Trial trial = added("t1", 1, Config.empty(), Optional.empty());
        e = assertThrows(UncheckedIOException.class,
                () -> store.appendResult(trial, result("t1", 1, metrics("loss", 1.0))));
        assertTrue(e.getMessage().contains("result.json"), e.getMessage());
    }
}
