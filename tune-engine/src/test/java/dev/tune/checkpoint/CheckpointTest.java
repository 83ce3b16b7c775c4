package dev.tune.checkpoint;

import dev.tune.store.StoredExperiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Checkpoint;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import dev.tune.result.ExperimentResult;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints: saved on the policy's schedule, pruned, restored when a failed trial restarts. */
class CheckpointTest {

    @TempDir
    Path storage;

    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    /** An existing-style model whose state is captured as JSON through @Checkpoint fields. */
    @Trainable(metric = "loss")
    static class Model {
        @Uniform(lower = 0, upper = 1)
        double lr;
        @Checkpoint
        double[] weights = new double[] {1, 1};
        @Checkpoint
        List<Double> losses = new ArrayList<>();

        @Step
        Map<String, Double> step(TrialContext context) {
            if (context.iteration() == 5 && FAILURES_LEFT.getAndDecrement() > 0) {
                throw new IllegalStateException("node lost at iteration 6");
            }
            weights[0] *= 0.5;
            losses.add(weights[0]);
            return Map.of("loss", weights[0], "seen", (double) losses.size());
        }
    }

    private ExperimentResult run(Class<?> type, TuneOptions.Builder options) {
        return Tuner.run(Experiment.of(type).get(0), options.storagePath(storage).verbose(0).maxIterations(8)
                .build());
    }

    @Test
    void checkpointsFollowThePolicyAndKeepTheLatest() throws IOException {
        FAILURES_LEFT.set(0);
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
        FAILURES_LEFT.set(1);
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

    /** Checkpoints through its own methods, as Ray's save_checkpoint and load_checkpoint. */
    @Trainable(metric = "count", mode = dev.tune.Mode.MAX)
    static class Counter {
        int count;

        @Step
        double step(TrialContext context) {
            if (context.iteration() == 3 && FAILURES_LEFT.getAndDecrement() > 0) {
                throw new IllegalStateException("crash");
            }
            return ++count;
        }

        @Checkpoint.Save
        void save(Path dir) throws IOException {
            Files.writeString(dir.resolve("count.txt"), Integer.toString(count));
        }

        @Checkpoint.Load
        void load(Path dir) throws IOException {
            count = Integer.parseInt(Files.readString(dir.resolve("count.txt")));
        }
    }

    @Test
    void saveAndLoadMethodsRestoreTheirOwnFormat() {
        FAILURES_LEFT.set(1);
        ExperimentResult result = run(Counter.class, TuneOptions.builder().set(TuneOption.CHECKPOINT_FREQUENCY, 1)
                .set(TuneOption.CHECKPOINT_AT_END, true).maxFailures(1));
        Trial trial = result.trials().get(0);
        assertEquals(8.0, trial.lastResult().orElseThrow().metric("count"));
        assertEquals(8L, trial.latestCheckpoint().orElseThrow().iteration());
    }

    @Test
    void keepingTheBestByScore() {
        FAILURES_LEFT.set(0);
        ExperimentResult result = run(Model.class, TuneOptions.builder().set(TuneOption.CHECKPOINT_FREQUENCY, 1)
                .set(TuneOption.CHECKPOINT_KEEP, 2).set(TuneOption.CHECKPOINT_SCORE, "max:loss"));
        // the highest loss is the first iteration's; the latest is always kept
        assertEquals(List.of(1L, 8L), result.trials().get(0).checkpoints().stream().map(SavedCheckpoint::iteration)
                .toList());
    }

    static final AtomicInteger FUNCTION_FAILURES = new AtomicInteger();

    @Trainable(metric = "step", mode = dev.tune.Mode.MAX)
    static void function(TrialContext context) throws IOException {
        int start = 0;
        if (context.latestCheckpoint().isPresent()) {
            start = Integer.parseInt(Files.readString(context.latestCheckpoint().get().resolve("at.txt")));
        }
        for (int i = start + 1; i <= 6; i++) {
            if (i == 4 && FUNCTION_FAILURES.getAndDecrement() > 0) {
                throw new IllegalStateException("crash at 4");
            }
            Path dir = Files.createTempDirectory("ckpt");
            Files.writeString(dir.resolve("at.txt"), Integer.toString(i));
            context.report(Map.of("step", i), dir);
        }
    }

    @Test
    void theFunctionApiReportsCheckpointsAndReadsTheLatestOnRestart() throws NoSuchMethodException {
        FUNCTION_FAILURES.set(1);
        ExperimentResult result = Tuner.run(CheckpointTest.class.getDeclaredMethod("function", TrialContext.class),
                TuneOptions.builder().storagePath(storage).verbose(0).maxFailures(1).build());
        Trial trial = result.trials().get(0);
        assertEquals(TrialStatus.TERMINATED, trial.status());
        assertEquals(6, trial.iterations());
        assertEquals(6.0, trial.lastResult().orElseThrow().metric("step"));
        assertEquals(6, trial.checkpoints().size());
    }
}
