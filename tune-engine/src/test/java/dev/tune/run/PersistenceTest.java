package dev.tune.run;

import dev.tune.store.StoredExperiment;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.run.examples.Persisted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing written is lost: every run leaves a results directory that loads back as the same result. */
class PersistenceTest {

    @TempDir
    Path storage;

    private ExperimentResult run(TuneOptions.Builder options) {
        return Runs.runMethod(Persisted.class, "train", options.storagePath(storage).set(TuneOption.PERSIST, true)
                .seed(5));
    }

    @Test
    void aRunLeavesRayStyleFilesThatLoadBack() throws IOException {
        ExperimentResult result = run(Runs.quiet());
        Path dir = storage.resolve("persisted");
        assertEquals(dir, result.dir().orElseThrow());
        assertTrue(Files.exists(dir.resolve("experiment.json")));
        assertTrue(Files.exists(dir.resolve("experiment-state.json")));
        assertEquals(6, Files.readAllLines(dir.resolve("trials.jsonl")).size(), "added and ended, per trial");
        for (Trial trial : result.trials()) {
            Path trialDir = trial.dir().orElseThrow();
            assertTrue(trialDir.startsWith(dir));
            assertTrue(Files.exists(trialDir.resolve("params.json")));
            assertEquals(4, Files.readAllLines(trialDir.resolve("result.json")).size());
            assertEquals(5, Files.readAllLines(trialDir.resolve("progress.csv")).size(), "header and 4 rows");
        }
        ExperimentResult loaded = StoredExperiment.loadResult(dir);
        assertEquals(result.trials().size(), loaded.trials().size());
        for (int i = 0; i < result.trials().size(); i++) {
            Trial ran = result.trials().get(i);
            Trial read = loaded.trials().get(i);
            assertEquals(ran.id(), read.id());
            assertEquals(ran.status(), read.status());
            assertEquals(ran.iterations(), read.iterations());
            assertEquals(ran.config().getDouble("lr"), read.config().getDouble("lr"));
            assertEquals(ran.config().getInt("batch"), read.config().getInt("batch"));
            assertEquals(ran.lastResult().orElseThrow().metrics(), read.lastResult().orElseThrow().metrics());
        }
        assertEquals(result.bestTrial().orElseThrow().id(), loaded.bestTrial().orElseThrow().id());
    }

    @Test
    void aNewRunMovesTheEarlierOneAsideInsteadOfOverwritingIt() throws IOException {
        run(Runs.quiet());
        run(Runs.quiet());
        try (Stream<Path> dirs = Files.list(storage)) {
            List<String> names = dirs.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertEquals("persisted", names.get(0));
            assertTrue(names.get(1).startsWith("persisted-"), names.toString());
        }
    }

    @Test
    void logToFileSendsEachTrialsOutputToItsDirectory() throws IOException {
        ExperimentResult result = run(Runs.quiet().set(TuneOption.LOG_TO_FILE, true));
        for (Trial trial : result.trials()) {
            String out = Files.readString(trial.dir().orElseThrow().resolve("stdout"));
            assertEquals("training with lr=" + trial.config().getDouble("lr") + System.lineSeparator(), out);
        }
    }
}
