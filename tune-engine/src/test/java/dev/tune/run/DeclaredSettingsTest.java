package dev.tune.run;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.examples.BadFailures;
import dev.tune.run.examples.BadScore;
import dev.tune.run.examples.Seeded;
import dev.tune.run.examples.SelfRecovering;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault tolerance and checkpoint policy declared on the trainable itself, as Ray's FailureConfig and CheckpointConfig. */
class DeclaredSettingsTest {

    @Test
    void theTrainablesOwnFailureAndCheckpointPolicyRecoverATrialWithoutAnyOption() {
        SelfRecovering.FAILURES.set(1);
        SelfRecovering.STEPS_RUN.set(0);
        ExperimentResult result = Tuner.run(SelfRecovering.class, Runs.quiet().build());
        Trial trial = result.trials().get(0);
        assertEquals(TrialStatus.TERMINATED, trial.status(), trial.error().map(Object::toString).orElse(""));
        assertEquals(10, trial.iterations());
        assertEquals(10.0, trial.lastResult().orElseThrow().metric("loss"), "the state ran 10 steps in all");
        assertEquals(7 + 5, SelfRecovering.STEPS_RUN.get(),
                "restored from the checkpoint at 5 (a restart from scratch runs 7 + 10)");
        assertEquals(0, SelfRecovering.FAILURES.get(), "it did fail once");
    }

    @Test
    void optionsStillOverrideTheAnnotations() {
        SelfRecovering.FAILURES.set(1);
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

    @Test
    void eachTrialGetsItsOwnSeedFromTheExperimentSeedAndItsNumber() {
        Seeded.SEEN.clear();
        ExperimentResult result = Runs.runMethod(Seeded.class, "seeded", Runs.quiet().seed(11));
        assertEquals(4, Seeded.SEEN.stream().distinct().count(), "distinct trials, distinct seeds: " + Seeded.SEEN);
        for (Trial trial : result.trials()) {
            assertTrue(Seeded.SEEN.contains(TrialSeeds.of(11, trial.number())), trial.name());
        }
        Seeded.SEEN.clear();
        Runs.runMethod(Seeded.class, "seeded", Runs.quiet().seed(11).samples(1)
                .set(TuneOption.TRIAL_SEEDS, n -> 42L * n));
        assertEquals(List.of(42L), Seeded.SEEN, "a run can give trials the seeds they had before (a re-run by id)");
    }
}
