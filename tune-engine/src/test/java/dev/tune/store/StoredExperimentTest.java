package dev.tune.store;

import static dev.tune.store.StoreFixtures.added;
import static dev.tune.store.StoreFixtures.ended;
import static dev.tune.store.StoreFixtures.info;
import static dev.tune.store.StoreFixtures.metrics;
import static dev.tune.store.StoreFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredExperimentTest {

    @TempDir
    Path dir;

    /** Two trials of three results each; the first ended, the second still running. */
    private void writeTwoTrials() {
        try (LocalDirectoryStore store = new LocalDirectoryStore(dir)) {
            store.open(info());
            for (int number = 1; number <= 2; number++) {
                Trial trial = added("t" + number, number, Config.of(Map.of("x", number)), Optional.empty());
                store.addTrial(trial);
                for (int i = 1; i <= 3; i++) {
                    store.appendResult(trial, result(trial.id(), i, metrics("loss", number * 10.0 + i)));
                }
                if (number == 1) {
                    store.endTrial(ended(trial, TrialStatus.TERMINATED, Termination.COMPLETED, 3, Optional.empty()));
                }
            }
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    @Test
    void aTruncatedLastResultLineIsSkipped() throws IOException {
        writeTwoTrials();
        append(dir.resolve("t1/result.json"), "{\"trial_id\":\"t1\",\"training_iteration\":4,\"time_this_it");
        List<Trial> trials = StoredExperiment.load(dir).trials();
        Trial first = trials.get(0);
        assertEquals(3, first.lastResult().orElseThrow().iteration());
        assertEquals(3, first.metrics().get("loss").count());
        assertEquals(13.0, first.metrics().get("loss").last());
        assertEquals(2, trials.size());
    }

    @Test
    void aTruncatedLastJournalLineIsSkipped() throws IOException {
        writeTwoTrials();
        append(dir.resolve("trials.jsonl"), "{\"event\":\"ended\",\"id\":\"t2\",\"status\":\"TERMIN");
        List<Trial> trials = StoredExperiment.load(dir).trials();
        assertEquals(2, trials.size());
        assertEquals(TrialStatus.TERMINATED, trials.get(0).status());
        assertEquals(TrialStatus.RUNNING, trials.get(1).status());
        assertEquals(3, trials.get(1).iterations());
    }

    @Test
    void corruptedLinesAndTrialsDoNotStopTheRest() throws IOException {
        writeTwoTrials();
        Path results = dir.resolve("t1/result.json");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(results));
        lines.add(1, "{not json at all");
        lines.add(2, "");
        Files.write(results, lines);
        List<String> journal = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("trials.jsonl")));
        journal.add(0, "{\"event\":\"renamed\",\"id\":\"t1\"}");
        journal.add("{\"event\":\"ended\",\"id\":\"t2\",\"status\":\"EXPLODED\"}");
        Files.write(dir.resolve("trials.jsonl"), journal);

        List<Trial> trials = StoredExperiment.load(dir).trials();
        assertEquals(2, trials.size());
        assertEquals(3, trials.get(0).metrics().get("loss").count(), "the bad line is skipped, the rest read");
        assertEquals(TrialStatus.RUNNING, trials.get(1).status(), "an unreadable event is skipped");

        Files.delete(dir.resolve("t2/result.json"));
        Files.createDirectory(dir.resolve("t2/result.json"));
        trials = StoredExperiment.load(dir).trials();
        assertEquals(List.of("t1"), trials.stream().map(Trial::id).toList(), "an unreadable trial is skipped");
    }

    @Test
    void readsRaysBareNonFiniteNumbers() throws IOException {
        writeTwoTrials();
        append(dir.resolve("t2/result.json"), "{\"trial_id\":\"t2\",\"training_iteration\":4,\"loss\":NaN,"
                + "\"gain\":-Infinity,\"hostname\":\"box\",\"config\":{\"x\":2},\"date\":\"2024-05-01\"}\n");
        Trial second = StoredExperiment.load(dir).trials().get(1);
        assertEquals(Map.of("loss", Double.NaN, "gain", Double.NEGATIVE_INFINITY),
                second.lastResult().orElseThrow().metrics());
        assertEquals(4, second.iterations());
    }

    @Test
    void aDirectoryWithoutExperimentJsonIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoredExperiment.load(dir));
        assertTrue(e.getMessage().contains("holds no tune experiment"), e.getMessage());
    }

    @Test
    void anExperimentWithoutStateOrTrialsLoads() {
        try (LocalDirectoryStore store = new LocalDirectoryStore(dir)) {
            store.open(info());
        }
        StoredExperiment stored = StoredExperiment.load(dir);
        assertEquals(Optional.empty(), stored.state());
        assertEquals(List.of(), stored.trials());
    }
}
