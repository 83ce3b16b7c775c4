package dev.tune.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision rules of each scheduler, on hand-built result sequences. */
class SchedulersTest {

    private static Result result(String trial, long iteration, double value) {
        return new Result(trial, iteration, 1, iteration, iteration, 0, iteration, false, Map.of("acc", value));
    }

    private static Trial ended(String id, Termination termination) {
        return new Trial(id, 1, id, Config.empty(), TrialStatus.TERMINATED, Optional.of(termination), 3,
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
    }

    private static <S extends Scheduler> S started(S scheduler, Mode mode) {
        scheduler.start(new SchedulerProblem(Objective.of("acc", mode), 1));
        return scheduler;
    }

    @Test
    void ashaStopsATrialBelowTheRungsCutoffAndCompletesAtMaxT() {
        AsyncHyperBandScheduler asha = started(new AsyncHyperBandScheduler(TimeAttribute.ITERATION, null, null,
                9, 1, 3, 1), Mode.MAX);
        assertEquals(Decision.CONTINUE, asha.onTrialResult(result("a", 1, 0.5)), "the first at a rung always goes on");
        assertEquals(Decision.STOP, asha.onTrialResult(result("b", 1, 0.3)), "below the 2/3 quantile of [0.5]");
        assertEquals(Decision.CONTINUE, asha.onTrialResult(result("c", 1, 0.9)), "above the quantile of [0.3, 0.5]");
        assertEquals(Decision.CONTINUE, asha.onTrialResult(result("a", 2, 0.1)), "between rungs nothing is compared");
        assertEquals(Decision.CONTINUE, asha.onTrialResult(result("a", 3, 0.6)), "first at rung 3");
        assertEquals(Decision.STOP, asha.onTrialResult(result("c", 3, 0.55)));
        assertEquals(Decision.COMPLETE, asha.onTrialResult(result("a", 9, 0.7)), "maxT is the full budget");
    }

    @Test
    void ashaInMinModeComparesNegatedValues() {
        AsyncHyperBandScheduler asha = started(new AsyncHyperBandScheduler(TimeAttribute.ITERATION, null, null,
                9, 1, 3, 1), Mode.MIN);
        asha.onTrialResult(result("a", 1, 0.5));
        assertEquals(Decision.CONTINUE, asha.onTrialResult(result("b", 1, 0.3)), "smaller is better");
        assertEquals(Decision.STOP, asha.onTrialResult(result("c", 1, 0.9)));
    }

    @Test
    void medianStopsATrialWorseThanTheMedianOfCompletedRunningMeans() {
        MedianStoppingRule median = started(new MedianStoppingRule(TimeAttribute.ITERATION, null, null, 0, 2), Mode.MAX);
        for (int t = 1; t <= 3; t++) {
            median.onTrialResult(result("x", t, 1.0));
            median.onTrialResult(result("y", t, 2.0 + t));
        }
        assertEquals(Decision.CONTINUE, median.onTrialResult(result("z", 1, 0.1)), "too few completed trials");
        median.onTrialComplete(ended("x", Termination.COMPLETED));
        median.onTrialComplete(ended("y", Termination.COMPLETED));
        // running means at t=2: x -> 1, y -> (3 + 4) / 2 = 3.5; median 2.25
        assertEquals(Decision.STOP, median.onTrialResult(result("z", 2, 2.0)), "best 2.0 < 2.25");
        assertEquals(Decision.CONTINUE, median.onTrialResult(result("w", 2, 2.5)), "best 2.5 >= 2.25");
    }

    @Test
    void medianIgnoresTheGracePeriodAndEarlyStoppedTrials() {
        MedianStoppingRule median = started(new MedianStoppingRule(TimeAttribute.ITERATION, null, null, 2, 1), Mode.MAX);
        median.onTrialResult(result("x", 1, 100));
        median.onTrialResult(result("x", 2, 1));
        median.onTrialComplete(ended("x", Termination.COMPLETED));
        median.onTrialResult(result("s", 2, 50));
        median.onTrialComplete(ended("s", Termination.EARLY_STOPPED));
        assertEquals(Decision.CONTINUE, median.onTrialResult(result("z", 1, 0)), "inside the grace period");
        assertEquals(Decision.STOP, median.onTrialResult(result("z", 2, 0.5)), "x's mean after grace is 1");
        assertEquals(Decision.CONTINUE, median.onTrialResult(result("w", 2, 1.0)));
    }

    @Test
    void theTextFormReadsRaysParameters() {
        assertTrue(Schedulers.parse("fifo") instanceof FifoScheduler);
        assertEquals("asha(timeAttr=ITERATION, maxT=81.0, gracePeriod=1.0, reductionFactor=3.0, brackets=1)",
                Schedulers.parse("asha(maxT=81, gracePeriod=1, reductionFactor=3)").toString());
        assertEquals("median(timeAttr=ITERATION, gracePeriod=5.0, minSamplesRequired=5)",
                Schedulers.parse("median(timeAttr=training_iteration,gracePeriod=5,minSamplesRequired=5)").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedulers.parse("asha(maxT=10,grace=1)"));
        assertTrue(e.getMessage().contains("unknown parameters [grace]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedulers.parse("bohb"));
        assertTrue(e.getMessage().contains("use fifo, median, asha, hyperband or pbt"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedulers.parse("pbt"));
        assertTrue(e.getMessage().contains("PBT needs hyperparameter mutations or a custom explore function"),
                e.getMessage());
        assertEquals("PopulationBasedTraining(training_iteration every 5.0, synchronous)", Schedulers.parse(
                "pbt(timeAttr=training_iteration,perturbationInterval=5,mutations=lr|momentum,synch=true)").toString());
        e = assertThrows(IllegalArgumentException.class,
                () -> Schedulers.parse("pbt(mutations=lr,perturbationFactors=1.2|x)"));
        assertTrue(e.getMessage().contains("perturbationFactors must be numbers separated by |"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedulers.parse("pbt(mutations=lr,quantileFraction=0.7)"));
        assertTrue(e.getMessage().contains("quantileFraction must be between 0 and 0.5"), e.getMessage());
    }

    @Test
    void aMultiObjectiveExperimentNeedsTheSchedulersOwnMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AsyncHyperBandScheduler()
                .start(new SchedulerProblem(Objective.of(java.util.List.of("a", "b"), java.util.List.of()), 1)));
        assertTrue(e.getMessage().contains("ASHA needs one metric"), e.getMessage());
    }

    @Test
    void ashaDrawsATrialsBracketOnceWhetherTheSearcherAsksFirstOrNot() {
        AsyncHyperBandScheduler asked = started(new AsyncHyperBandScheduler(TimeAttribute.ITERATION, null, null, 81, 1, 3,
                5), Mode.MAX);
        AsyncHyperBandScheduler silent = started(new AsyncHyperBandScheduler(TimeAttribute.ITERATION, null, null, 81, 1,
                3, 5), Mode.MAX);
        dev.tune.search.Brackets brackets = asked.brackets().orElseThrow();
        java.util.List<Integer> first = new java.util.ArrayList<>();
        int[] counts = new int[5];
        for (int i = 0; i < 300; i++) {
            int bracket = brackets.of("t" + i);
            asked.onTrialAdd(ended("t" + i, Termination.COMPLETED));
            assertEquals(bracket, brackets.of("t" + i), "asking again, after the trial was added, gives the same");
            first.add(bracket);
            counts[bracket]++;
            silent.onTrialAdd(ended("t" + i, Termination.COMPLETED));
        }
        dev.tune.search.Brackets later = silent.brackets().orElseThrow();
        for (int i = 0; i < 300; i++) {
            assertEquals(first.get(i), later.of("t" + i), "the same seed draws the same brackets in the same order");
        }
        assertTrue(counts[0] > counts[1] && counts[1] > counts[2], "Ray's weights favour the brackets with more rungs: "
                + java.util.Arrays.toString(counts));
        assertTrue(started(new AsyncHyperBandScheduler(), Mode.MAX).brackets().isEmpty(), "one bracket: none to tell");
    }
}
