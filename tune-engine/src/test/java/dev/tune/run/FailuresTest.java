package dev.tune.run;

import dev.tune.options.TuneOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.examples.Endless;
import dev.tune.run.examples.Flaky;
import dev.tune.run.examples.ForgetsTheMetric;
import dev.tune.run.examples.NanForSome;
import dev.tune.run.examples.SometimesFails;
import dev.tune.run.examples.ThrowingConstructor;
import dev.tune.options.TuneOptions;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing trial never takes the experiment down unless asked to. */
class FailuresTest {

    @Test
    void failedTrialsAreRecordedAndTheRestRun() {
        ExperimentResult result = Runs.runMethod(SometimesFails.class, "sometimesFails", Runs.quiet());
        assertEquals(6, result.trials().size());
        assertEquals(2, result.errors().size());
        Trial failed = result.errors().get(0);
        assertEquals(TrialStatus.ERROR, failed.status());
        assertTrue(failed.error().orElseThrow().summary().startsWith("java.lang.IllegalStateException: diverged at x="));
        assertTrue(failed.error().orElseThrow().stackTrace().contains("sometimesFails"));
        assertEquals(4, result.countByStatus().get(TrialStatus.TERMINATED));
    }

    @Test
    void failFastStopsTheExperimentAndRaises() {
        TuneException e = assertThrows(TuneException.class,
                () -> Runs.runMethod(SometimesFails.class, "sometimesFails", Runs.quiet().failFast(true)));
        ExperimentResult result = e.result().orElseThrow();
        assertEquals(2, result.trials().size(), "no trial starts after the first error");
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException, "the trial's own exception, as Ray raises it: "
                + e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("diverged at x="), e.getCause().getMessage());
        assertTrue(Arrays.stream(e.getCause().getStackTrace()).anyMatch(f -> f.getMethodName().equals("sometimesFails")),
                "with the stack it was thrown from");
    }

    @Test
    void aFailureRecordedByAnEarlierRunIsTheCauseAsItWasRecorded(@TempDir Path storage) {
        TuneOptions.Builder options = Runs.quiet().storagePath(storage).set(TuneOption.PERSIST, true);
        assertEquals(2, Runs.runMethod(SometimesFails.class, "sometimesFails", options).errors().size());
        TuneException e = assertThrows(TuneException.class, () -> Runs.runMethod(SometimesFails.class,
                "sometimesFails", options.set(TuneOption.RESUME, "true").set(TuneOption.RAISE_ON_FAILED_TRIAL, true)));
        assertTrue(e.getCause() instanceof RecordedFailure, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().startsWith("java.lang.IllegalStateException: diverged at x="),
                e.getCause().getMessage());
        assertTrue(e.getMessage().endsWith(e.getCause().getMessage()), e.getMessage());
    }

    @Test
    void raiseOnFailedTrialRaisesAfterAllTrials() {
        TuneException e = assertThrows(TuneException.class, () -> Runs.runMethod(SometimesFails.class, "sometimesFails",
                Runs.quiet().set(TuneOption.RAISE_ON_FAILED_TRIAL, true)));
        assertEquals(6, e.result().orElseThrow().trials().size());
    }

    @Test
    void maxFailuresRetriesATrial() {
        Flaky.ATTEMPTS.set(0);
        ExperimentResult result = Runs.runMethod(Flaky.class, "flaky", Runs.quiet().maxFailures(2));
        assertEquals(TrialStatus.TERMINATED, result.trials().get(0).status());
        assertEquals(3, Flaky.ATTEMPTS.get());
        Flaky.ATTEMPTS.set(0);
        result = Runs.runMethod(Flaky.class, "flaky", Runs.quiet().maxFailures(1));
        assertEquals(TrialStatus.ERROR, result.trials().get(0).status());
    }

    @Test
    void aNamedMetricThatIsNeverReportedFailsTheTrial() {
        ExperimentResult result = Runs.run(ForgetsTheMetric.class);
        Trial trial = result.trials().get(0);
        assertEquals(TrialStatus.ERROR, trial.status());
        String message = trial.error().orElseThrow().message();
        assertTrue(message.contains("reported [acc, loss] but not the experiment's metric 'accuracy'"), message);
    }

    @Test
    void aConstructorThatThrowsFailsTheTrialWithAClearMessage() {
        Trial trial = Runs.run(ThrowingConstructor.class).trials().get(0);
        assertEquals(TrialStatus.ERROR, trial.status());
        String message = trial.error().orElseThrow().message();
        assertTrue(message.startsWith("Invalid trainable " + ThrowingConstructor.class.getName()
                + ", constructor ThrowingConstructor(double) (@Trainable): the constructor threw "
                + "java.lang.IllegalArgumentException: no GPU found"), message);
    }

    @Test
    void nanAndInfiniteValuesAreRecordedButNeverBest() {
        ExperimentResult result = Runs.runMethod(NanForSome.class, "nanForSome", Runs.quiet());
        assertTrue(Double.isNaN(result.trials().get(0).lastResult().orElseThrow().metric("score")));
        Trial best = result.bestTrial().orElseThrow();
        assertTrue(best.number() > 2, "best is a finite trial, got " + best.name());
    }

    @Test
    void maxIterationsStopsTrialsAsTerminatedNotFailed() {
        ExperimentResult result = Runs.run(Endless.class, Runs.quiet().maxIterations(7));
        for (Trial trial : result.trials()) {
            assertEquals(7, trial.iterations());
            assertEquals(TrialStatus.TERMINATED, trial.status());
            assertEquals(Termination.COMPLETED, trial.termination().orElseThrow(), "its budget ran in full");
            assertFalse(trial.stoppedEarly());
        }
    }

    @Test
    void thresholdStopsATrial() {
        ExperimentResult result = Runs.run(Endless.class, Runs.quiet().set(TuneOption.STOP_WHEN,
                TuneOption.STOP_WHEN.parse("loss<=0.25")));
        result.trials().forEach(t -> assertEquals(4, t.iterations()));
    }

    @Test
    void timeBudgetEndsTheExperiment() {
        ExperimentResult result = Runs.run(Endless.class, Runs.quiet().timeBudget(java.time.Duration.ofMillis(200)));
        assertTrue(result.wallTime().toMillis() < 5000);
        result.trials().forEach(t -> assertEquals(Termination.CANCELLED, t.termination().orElseThrow()));
    }
}
