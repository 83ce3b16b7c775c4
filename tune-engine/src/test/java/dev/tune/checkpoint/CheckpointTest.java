package dev.tune.checkpoint;

import dev.tune.store.StoredExperiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.TrialContext;
import dev.tune.checkpoint.examples.CheckpointingFunction;
import dev.tune.checkpoint.examples.Counter;
import dev.tune.checkpoint.examples.Model;
import dev.tune.result.ExperimentResult;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints: saved on the policy's schedule, pruned, restored when a failed trial restarts. */
class CheckpointTest {

    @TempDir
    Path storage;

    private ExperimentResult run(Class<?> type, TuneOptions.Builder options) {
        return Tuner.run(Experiment.of(type).get(0), options.storagePath(storage).verbose(0).maxIterations(8)
                .build());
    }

    @Test
    void checkpointsFollowThePolicyAndKeepTheLatest() throws IOException {
        Model.FAILURES_LEFT.set(0);
        ExperimentResult result = run(Model.class, TuneOptions.builder().set(TuneOption.CHECKPOINT_FREQUENCY, 2)
                .set(TuneOption.CHECKPOINT_KEEP, 2));
        Trial trial = result.trials().get(0);
        assertEquals(List.of(6L, 8L), trial.checkpoints().stream().map(SavedCheckpoint::iteration).toList());
        Path dir = trial.checkpoints().get(1).dir();
        assertEquals("checkpoint_000008", dir.getFileName().toString());
        assertTrue(Files.readString(dir.resolve("state.json")).contains("0.00390625"), "weights[0] after 8 halvings");
        assertTrue(Files.notExists(trial.dir().orElseThrow().resolve("checkpoint_000002")), "pruned");
        assertEquals(trial.checkpoints(), StoredExperiment.loadResult(result.dir().orElseThrow()).trials().get(0).checkpoints());
        assertEquals(8L, result.bestCheckpoint().orElseThrow().iteration(), "the lowest loss");
    }

    @Test
    void aFailedTrialRestartsFromItsLatestCheckpoint() {
        Model.FAILURES_LEFT.set(1);
        ExperimentResult result = run(Model.class, TuneOptions.builder().set(TuneOption.CHECKPOINT_FREQUENCY, 2)
                .maxFailures(1));
        Trial trial = result.trials().get(0);
        assertEquals(TrialStatus.TERMINATED, trial.status(), () -> trial.error().map(e -> e.stackTrace()).orElse(""));
        assertEquals(8, trial.iterations());
        // restored at iteration 4 with 4 losses; 4 more steps: the state continued, not restarted
        assertEquals(8.0, trial.lastResult().orElseThrow().metric("seen"));
        assertEquals(Math.pow(0.5, 8), trial.lastResult().orElseThrow().metric("loss"));
        assertEquals(4, trial.lastResult().orElseThrow().iterationsSinceRestore(), "iterations 5 to 8 after the restore");
    }

    @Test
    void saveAndLoadMethodsRestoreTheirOwnFormat() {
        Counter.FAILURES_LEFT.set(1);
        ExperimentResult result = run(Counter.class, TuneOptions.builder().set(TuneOption.CHECKPOINT_FREQUENCY, 1)
                .set(TuneOption.CHECKPOINT_AT_END, true).maxFailures(1));
        Trial trial = result.trials().get(0);
        assertEquals(8.0, trial.lastResult().orElseThrow().metric("count"));
        assertEquals(8L, trial.latestCheckpoint().orElseThrow().iteration());
    }

    @Test
    void keepingTheBestByScore() {
        Model.FAILURES_LEFT.set(0);
        ExperimentResult result = run(Model.class, TuneOptions.builder().set(TuneOption.CHECKPOINT_FREQUENCY, 1)
                .set(TuneOption.CHECKPOINT_KEEP, 2).set(TuneOption.CHECKPOINT_SCORE, "max:loss"));
        // the highest loss is the first iteration's; the latest is always kept
        assertEquals(List.of(1L, 8L), result.trials().get(0).checkpoints().stream().map(SavedCheckpoint::iteration)
                .toList());
    }

    @Test
    void theFunctionApiReportsCheckpointsAndReadsTheLatestOnRestart() throws NoSuchMethodException {
        CheckpointingFunction.FAILURES.set(1);
        Method function = CheckpointingFunction.class.getDeclaredMethod("function", TrialContext.class);
        ExperimentResult result = Tuner.run(function, TuneOptions.builder().storagePath(storage).verbose(0)
                .maxFailures(1).build());
        Trial trial = result.trials().get(0);
        assertEquals(TrialStatus.TERMINATED, trial.status());
        assertEquals(6, trial.iterations());
        assertEquals(6.0, trial.lastResult().orElseThrow().metric("step"));
        assertEquals(6, trial.checkpoints().size());
    }
}
