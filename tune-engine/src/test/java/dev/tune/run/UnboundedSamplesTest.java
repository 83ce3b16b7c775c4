package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.run.examples.Bowl;
import dev.tune.run.examples.MinusTwoSamples;
import dev.tune.run.examples.UnboundedBowl;
import dev.tune.stop.Stopper;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code samples = -1}, as Ray's {@code num_samples=-1}: trials until a stop rule or the time budget ends the experiment. */
class UnboundedSamplesTest {

    @Test
    void trialsGoOnUntilTheTimeBudgetEndsTheExperiment() {
        ExperimentResult result = Runs.run(Bowl.class, Runs.quiet().samples(-1).searcher("random")
                .timeBudget(Duration.ofMillis(400)));
        assertTrue(result.trials().size() > 12, "more than the annotation's 12 samples: " + result.trials().size());
        assertTrue(result.wallTime().toMillis() < 5_000, result.wallTime().toString());
    }

    @Test
    void trialsGoOnUntilAStopperEndsTheExperimentWithAModelBasedSearcher() {
        AtomicInteger results = new AtomicInteger();
        Stopper afterForty = new Stopper() {
            @Override
            public boolean shouldStopTrial(Result result) {
                results.incrementAndGet();
                return false;
            }

            @Override
            public boolean shouldStopAll() {
                return results.get() >= 40;
            }
        };
        ExperimentResult result = Runs.run(Bowl.class, Runs.quiet().samples(-1).searcher("tpe").maxConcurrentTrials(1)
                .set(TuneOption.STOPPERS, List.of(afterForty)));
        assertEquals(40, result.trials().size(), "one trial a result, one at a time, until the stopper said so");
    }

    @Test
    void withNeitherAStopRuleNorATimeBudgetItIsRefusedBeforeAnyTrial() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Runs.run(Bowl.class, Runs.quiet().samples(-1)));
        assertTrue(e.getMessage().contains("Experiment Bowl.bowl: tune.samples=-1 runs trials until a stop rule or the"
                + " time budget ends the experiment, and it has neither"), e.getMessage());
        assertTrue(e.getMessage().contains("tune.timeBudget") && e.getMessage().contains("tune.stop.stoppers"),
                e.getMessage());
    }

    @Test
    void theAnnotationTakesMinusOneAndRefusesOtherNumbersBelowOne() {
        Experiment unbounded = Experiment.of(UnboundedBowl.class).get(0);
        assertEquals(-1, unbounded.options().get(TuneOption.SAMPLES).orElseThrow());
        ExperimentResult result = Tuner.run(unbounded, Runs.quiet().searcher("random").build());
        assertTrue(result.trials().size() > 1, "its @Stop(timeBudgetSeconds) ended it");
        InvalidTrainableException e = assertThrows(InvalidTrainableException.class,
                () -> Experiment.of(MinusTwoSamples.class));
        assertTrue(e.getMessage().contains("samples must be at least 1, or -1"), e.getMessage());
    }
}
