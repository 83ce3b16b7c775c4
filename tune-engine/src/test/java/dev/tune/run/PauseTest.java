package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.examples.Checkpointed;
import dev.tune.run.examples.InMemory;
import org.junit.jupiter.api.Test;

/** Paused trials free their slot and resume with their state, from memory or from a checkpoint. */
class PauseTest {

    private static void assertHyperBandRan(ExperimentResult result) {
        assertEquals(17, result.trials().size()); // one band: brackets of 3, 5 and 9 trials
        assertTrue(result.trials().stream().allMatch(t -> t.status() == TrialStatus.TERMINATED), result.trials().toString());
        for (Trial trial : result.trials()) {
            assertEquals((double) trial.iterations(), trial.lastResult().orElseThrow().metric("steps"),
                    trial.name() + ": the state survived every pause");
        }
        Trial best = result.bestTrial().orElseThrow();
        assertEquals(9, best.iterations(), "the best trial reached maxT: " + result.trials().stream()
                .map(t -> t.name() + " " + t.iterations() + " " + t.termination().orElseThrow() + " "
                        + t.lastResult().orElseThrow().metric("loss")).toList());
        assertEquals(Termination.COMPLETED, best.termination().orElseThrow());
        assertTrue(result.trials().stream().filter(t -> t.termination().orElseThrow() == Termination.EARLY_STOPPED)
                .count() >= 6, "the other trials were halved away");
    }

    @Test
    void hyperBandPausesAndResumesFromMemory() {
        assertHyperBandRan(Runs.run(InMemory.class, Runs.quiet().seed(2).maxConcurrentTrials(2)));
    }

    @Test
    void hyperBandPausesAndResumesFromCheckpoints() {
        assertHyperBandRan(Runs.run(Checkpointed.class, Runs.quiet().seed(2).maxConcurrentTrials(2)));
    }
}
