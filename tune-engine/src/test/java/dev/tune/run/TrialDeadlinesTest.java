package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.examples.Stuck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time limits hold in thread mode when a step never returns: interrupt, then leave the thread behind. */
class TrialDeadlinesTest {

    @BeforeEach
    void hold() {
        Stuck.release = false;
    }

    @AfterEach
    void release() {
        Stuck.release = true; // the threads left behind return, and end
    }

    private static ExperimentResult run(String method) {
        return Runs.runMethod(Stuck.class, method, Runs.quiet().set(TuneOption.GRACE_TIME, Duration.ofMillis(300)));
    }

    @Test
    void aStepThatIgnoresTheInterruptIsLeftBehindItsTrialTimesOutAndTheOthersComplete() {
        ExperimentResult result = run("ignoresInterrupts");
        assertEquals(4, result.trials().size(), "the slot went on with the trials left");
        for (Trial trial : result.trials()) {
            assertEquals(TrialStatus.TERMINATED, trial.status(), trial.name());
            Termination expected = trial.id().endsWith("2") ? Termination.TIMED_OUT : Termination.COMPLETED;
            assertEquals(expected, trial.termination().orElseThrow(), trial.name());
        }
        assertTrue(result.wallTime().toMillis() < 10_000, result.wallTime().toString());
    }

    @Test
    void whatAThreadLeftBehindReportsWhenItReturnsIsNotRecorded() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Callback watch = new Callback() {
            @Override
            public void onTrialResult(Trial trial, Result result) {
                events.add("result " + trial.id());
            }

            @Override
            public void onTrialComplete(Trial trial) {
                events.add("complete " + trial.id());
                if (trial.termination().orElseThrow() == Termination.TIMED_OUT) {
                    Stuck.release = true; // its step returns now, while the other trials still run, and reports
                }
            }
        };
        ExperimentResult result = Runs.runMethod(Stuck.class, "ignoresInterruptsAmongMany", Runs.quiet()
                .set(TuneOption.GRACE_TIME, Duration.ofMillis(300)).callbacks(watch));
        String stuck = result.trials().stream().filter(t -> t.id().endsWith("00002")).findFirst().orElseThrow().id();
        Thread.sleep(300); // the step left behind has returned and tried to report by now
        int ended = events.indexOf("complete " + stuck);
        assertTrue(ended >= 0, events.toString());
        assertFalse(events.subList(ended, events.size()).contains("result " + stuck), events.toString());
        assertTrue(events.subList(ended, events.size()).stream().anyMatch(e -> e.startsWith("result ")),
                "other trials reported after it ended, so its late reports would have come in between: " + events);
    }

    @Test
    void aStepThatHonoursTheInterruptEndsAtItsLimitAsTimedOut() {
        ExperimentResult result = run("honoursInterrupts");
        Trial stuck = result.trials().stream().filter(t -> t.id().endsWith("2")).findFirst().orElseThrow();
        assertEquals(TrialStatus.TERMINATED, stuck.status());
        assertEquals(Termination.TIMED_OUT, stuck.termination().orElseThrow(), "its own reason, not an error");
        assertEquals(0, result.errors().size());
        assertTrue(result.wallTime().toMillis() < 10_000, "well before the step's 60 s: " + result.wallTime());
    }

    @Test
    void theTimeBudgetHoldsWhenNoStepReturns() {
        ExperimentResult result = run("allStuck");
        assertTrue(result.wallTime().toMillis() < 5_000, "budget 0.3 s, grace 0.3 s: " + result.wallTime());
        assertTrue(result.trials().size() >= 2, result.trials().toString());
        result.trials().forEach(t -> assertEquals(Termination.CANCELLED, t.termination().orElseThrow(), t.name()));
    }
}
