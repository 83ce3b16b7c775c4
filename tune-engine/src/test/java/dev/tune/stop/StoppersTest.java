package dev.tune.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Mode;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoppersTest {

    private static Result result(String trial, long iteration, double seconds, double value) {
        return new Result(trial, iteration, 0.1, seconds, seconds, 0, iteration, false, Map.of("loss", value));
    }

    @Test
    void conditionsNameWhatStoppedTheTrial() {
        StopConditions stop = new StopConditions(Optional.of(10L), Optional.of(Duration.ofSeconds(60)),
                MetricThreshold.parseAll("loss<=0.1"), List.of());
        assertEquals(Optional.empty(), stop.trialStop(result("t", 3, 1, 0.5)));
        assertEquals(Optional.of(new StopConditions.TrialStop(Termination.COMPLETED, "reached 10 iterations")),
                stop.trialStop(result("t", 10, 1, 0.5)), "a trial at its iteration budget ran in full");
        assertEquals(Optional.of(new StopConditions.TrialStop(Termination.COMPLETED, "reached its time limit of 60.0 s")),
                stop.trialStop(result("t", 3, 60, 0.5)), "a trial at its time budget ran in full");
        assertEquals(Optional.of(new StopConditions.TrialStop(Termination.STOPPED, "reached loss<=0.1")),
                stop.trialStop(result("t", 3, 1, 0.05)), "a threshold cuts a trial short");
    }

    @Test
    void thresholdsParseBothDirections() {
        List<MetricThreshold> all = MetricThreshold.parseAll("accuracy>=0.98, loss<=0.1");
        assertEquals(List.of(new MetricThreshold("accuracy", true, 0.98), new MetricThreshold("loss", false, 0.1)), all);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricThreshold.parseAll("acc=1"));
        assertTrue(e.getMessage().contains("metric>=value"));
    }

    @Test
    void trialPlateauStopsAFlatCurveAfterTheGracePeriod() {
        TrialPlateauStopper stopper = new TrialPlateauStopper("loss", 0.01, 3, 4);
        assertFalse(stopper.shouldStopTrial(result("t", 1, 0, 1.0)));
        assertFalse(stopper.shouldStopTrial(result("t", 2, 0, 0.5)));
        assertFalse(stopper.shouldStopTrial(result("t", 3, 0, 0.5)));
        assertTrue(stopper.shouldStopTrial(result("t", 4, 0, 0.5)));
        assertFalse(stopper.shouldStopTrial(result("other", 4, 0, 0.5)), "each trial has its own window");
    }

    @Test
    void experimentPlateauNeedsTheTopTrialsToAgreeForPatienceResults() {
        ExperimentPlateauStopper stopper = new ExperimentPlateauStopper("loss", Mode.MIN, 0.001, 2, 1);
        stopper.shouldStopTrial(result("a", 1, 0, 0.5));
        stopper.shouldStopTrial(result("b", 1, 0, 0.9));
        assertFalse(stopper.shouldStopAll());
        stopper.shouldStopTrial(result("b", 2, 0, 0.5));
        assertFalse(stopper.shouldStopAll(), "one result within the band is not yet a plateau");
        stopper.shouldStopTrial(result("a", 2, 0, 0.5));
        assertTrue(stopper.shouldStopAll());
    }
}
