package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.examples.AshaCurve;
import org.junit.jupiter.api.Test;

/** Schedulers decide inside a real run: early-stopped trials end as terminated, never as errors. */
class SchedulingTest {

    @Test
    void ashaStopsMostTrialsEarlyAndLetsTheBestRunToMaxT() {
        ExperimentResult result = Runs.runMethod(AshaCurve.class, "curve", Runs.quiet().seed(3));
        long early = result.trials().stream().filter(t -> t.termination().orElseThrow() == Termination.EARLY_STOPPED)
                .count();
        assertTrue(early >= 10, early + " of 20 stopped early");
        assertTrue(result.trials().stream().allMatch(t -> t.status() == TrialStatus.TERMINATED));
        Trial best = result.bestTrial().orElseThrow();
        assertEquals(9, best.iterations(), "the best trial had the full budget");
        assertEquals(Termination.COMPLETED, best.termination().orElseThrow(), "the full budget is not a cut");
        result.trials().stream().filter(t -> t.termination().orElseThrow() == Termination.EARLY_STOPPED)
                .forEach(t -> assertTrue(t.iterations() == 1 || t.iterations() == 3, t.name() + " " + t.iterations()));
    }

    @Test
    void theSchedulerCanBeChosenFromTheCommandLine() {
        System.setProperty("tune.scheduler", "fifo");
        try {
            ExperimentResult result = Runs.runMethod(AshaCurve.class, "curve", Runs.quiet().samples(3));
            result.trials().forEach(t -> assertEquals(20, t.iterations()));
        } finally {
            System.clearProperty("tune.scheduler");
        }
    }
}
