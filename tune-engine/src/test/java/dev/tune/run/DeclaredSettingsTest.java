package dev.tune.run;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Checkpoint;
import dev.tune.CheckpointConfig;
import dev.tune.FailureConfig;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fault tolerance and checkpoint policy declared on the trainable itself, as Ray's FailureConfig and CheckpointConfig. */
class DeclaredSettingsTest {

    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicInteger STEPS_RUN = new AtomicInteger();

    /** Fails once at iteration 7; with its declared policy it restarts from the checkpoint at 5. */
    @Trainable(metric = "loss", samples = 1)
    @Stop(maxIterations = 10)
    @FailureConfig(maxFailures = 2)
    @CheckpointConfig(frequency = 5, keep = 1)
    static class SelfRecovering {
        @Uniform(lower = 0.1, upper = 0.2)
        double lr;

        @Checkpoint
        int steps;

        @Step
        double step(TrialContext context) {
            STEPS_RUN.incrementAndGet();
            if (context.iteration() == 6 && FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("lost the machine");
            }
            steps++;
            return steps;
        }
    }

    @Test
    void theTrainablesOwnFailureAndCheckpointPolicyRecoverATrialWithoutAnyOption() {
        FAILURES.set(1);
        STEPS_RUN.set(0);
        ExperimentResult result = Tuner.run(SelfRecovering.class, Runs.quiet().build());
        Trial trial = result.trials().get(0);
        assertEquals(TrialStatus.TERMINATED, trial.status(), trial.error().map(Object::toString).orElse(""));
        assertEquals(10, trial.iterations());
        assertEquals(10.0, trial.lastResult().orElseThrow().metric("loss"), "the state ran 10 steps in all");
        assertEquals(7 + 5, STEPS_RUN.get(), "restored from the checkpoint at 5 (a restart from scratch runs 7 + 10)");
        assertEquals(0, FAILURES.get(), "it did fail once");
    }

    @Test
    void optionsStillOverrideTheAnnotations() {
        FAILURES.set(1);
        ExperimentResult result = Tuner.run(SelfRecovering.class, Runs.quiet().set(TuneOption.MAX_FAILURES, 0).build());
        assertEquals(TrialStatus.ERROR, result.trials().get(0).status(), "tune.maxFailures=0 wins over the annotation");
    }

    @Test
    void theAnnotationsBecomeOptions() {
        TuneOptions options = Experiment.ofClass(SelfRecovering.class).options();
        assertEquals(2, options.get(TuneOption.MAX_FAILURES).orElseThrow());
        assertEquals(false, options.get(TuneOption.FAIL_FAST).orElseThrow());
        assertEquals(5, options.get(TuneOption.CHECKPOINT_FREQUENCY).orElseThrow());
        assertEquals(1, options.get(TuneOption.CHECKPOINT_KEEP).orElseThrow());
        assertFalse(options.isSet(TuneOption.CHECKPOINT_SCORE));
    }

    @Trainable
    @CheckpointConfig(frequency = 1, keep = 2, score = "best:loss")
    static class BadScore {
        @Uniform(lower = 0, upper = 1)
        double x;

        @Step
        double step() {
            return x;
        }
    }

    @Trainable
    @FailureConfig(maxFailures = -3)
    static class BadFailures {
        @Uniform(lower = 0, upper = 1)
        double x;

        @Step
        double step() {
            return x;
        }
    }

    @Test
    void badValuesAreRefusedAtReadTimeNamingTheAnnotation() {
        InvalidTrainableException score = assertThrows(InvalidTrainableException.class,
                () -> Experiment.ofClass(BadScore.class));
        assertTrue(score.getMessage().contains("@CheckpointConfig") && score.getMessage().contains("max:accuracy"),
                score.getMessage());
        InvalidTrainableException failures = assertThrows(InvalidTrainableException.class,
                () -> Experiment.ofClass(BadFailures.class));
        assertTrue(failures.getMessage().contains("@FailureConfig") && failures.getMessage().contains("-3"),
                failures.getMessage());
    }

    static final List<Long> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Trainable(metric = "x", samples = 4, maxConcurrentTrials = 2)
    static double seeded(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        SEEN.add(context.seed());
        return x;
    }

    @Test
    void eachTrialGetsItsOwnSeedFromTheExperimentSeedAndItsNumber() {
        SEEN.clear();
        ExperimentResult result = Runs.runMethod(DeclaredSettingsTest.class, "seeded", Runs.quiet().seed(11));
        assertEquals(4, SEEN.stream().distinct().count(), "distinct trials, distinct seeds: " + SEEN);
        for (Trial trial : result.trials()) {
            assertTrue(SEEN.contains(TrialSeeds.of(11, trial.number())), trial.name());
        }
        SEEN.clear();
        Runs.runMethod(DeclaredSettingsTest.class, "seeded", Runs.quiet().seed(11).samples(1)
                .set(TuneOption.TRIAL_SEEDS, n -> 42L * n));
        assertEquals(List.of(42L), SEEN, "a run can give trials the seeds they had before (a re-run by id)");
    }
}
