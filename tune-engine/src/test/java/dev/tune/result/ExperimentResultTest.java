package dev.tune.result;

import static dev.tune.result.TrialFixtures.pair;
import static dev.tune.result.TrialFixtures.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExperimentResultTest {

    private static ExperimentResult result(Objective objective, Trial... trials) {
        return new ExperimentResult("exp", objective, List.of(trials), Optional.empty(), Duration.ofSeconds(3), 1);
    }

    private static Optional<Integer> best(ExperimentResult result, Mode mode, Scope scope) {
        return result.bestTrial("loss", mode, scope).map(Trial::number);
    }

    @Test
    void bestTrialUnderEveryScope() {
        // last, min, max, avg, mean of the last 3
        ExperimentResult result = result(Objective.of("loss", Mode.MIN),
                trial(1, "loss", 0, 8, 8, 8),  // 8, 0, 8, 6,    8
                trial(2, "loss", 2, 2, 2, 7),  // 7, 2, 7, 3.25, 3.67
                trial(3, "loss", 9, 1, 1, 6),  // 6, 1, 9, 4.25, 2.67
                trial(4, "loss", 5, 5, 5, 4)); // 4, 4, 5, 4.75, 4.67
        assertEquals(Optional.of(4), best(result, Mode.MIN, Scope.LAST));
        assertEquals(Optional.of(1), best(result, Mode.MIN, Scope.ALL));
        assertEquals(Optional.of(2), best(result, Mode.MIN, Scope.AVG));
        assertEquals(Optional.of(3), best(result, Mode.MIN, Scope.lastAvg(3)));
        assertEquals(Optional.of(1), best(result, Mode.MAX, Scope.LAST));
        assertEquals(Optional.of(3), best(result, Mode.MAX, Scope.ALL));
        assertEquals(Optional.of(1), best(result, Mode.MAX, Scope.AVG));
        assertEquals(Optional.of(1), best(result, Mode.MAX, Scope.lastAvg(3)));
        assertEquals(Optional.of(4), result.bestTrial().map(Trial::number));
        assertEquals(Optional.empty(), result.bestTrial("accuracy", Mode.MAX, Scope.LAST));
    }

    @Test
    void nonFiniteValuesAreNeverBest() {
        ExperimentResult result = result(Objective.of("loss", Mode.MIN),
                trial(1, "loss", Double.NaN),
                trial(2, "loss", Double.NEGATIVE_INFINITY),
                trial(3, "loss", 3),
                trial(4, "loss", 1, Double.NaN),
                trial(5, "loss", Double.POSITIVE_INFINITY));
        assertEquals(Optional.of(3), best(result, Mode.MIN, Scope.LAST));
        assertEquals(Optional.of(3), best(result, Mode.MAX, Scope.LAST));
        assertEquals(Optional.of(4), best(result, Mode.MIN, Scope.ALL), "the NaN is left out, the 1 counts");
        assertEquals(Optional.of(3), best(result, Mode.MAX, Scope.ALL));
        ExperimentResult none = result(Objective.of("loss", Mode.MIN), trial(1, "loss", Double.NaN),
                trial(2, "loss", Double.NEGATIVE_INFINITY));
        for (Scope scope : List.of(Scope.LAST, Scope.ALL, Scope.AVG, Scope.lastAvg(3))) {
            assertEquals(Optional.empty(), best(none, Mode.MIN, scope), scope.toString());
            assertEquals(Optional.empty(), best(none, Mode.MAX, scope), scope.toString());
        }
    }

    @Test
    void tiesGoToTheLowerTrialNumber() {
        ExperimentResult result = result(Objective.of("loss", Mode.MAX), trial(3, "loss", 5), trial(2, "loss", 5),
                trial(1, "loss", 4));
        assertEquals(List.of(1, 2, 3), result.trials().stream().map(Trial::number).toList());
        assertEquals(Optional.of(2), result.bestTrial().map(Trial::number));
    }

    @Test
    void failedTrialsCompeteOnlyWithFiniteValues() {
        Trial failedBest = trial(1, TrialStatus.ERROR, Config.empty(), Map.of("loss", new double[] {0.1}));
        Trial failedEmpty = trial(2, TrialStatus.ERROR, Config.empty(), Map.of());
        ExperimentResult result = result(Objective.of("loss", Mode.MIN), failedBest, failedEmpty, trial(3, "loss", 1));
        assertEquals(Optional.of(1), result.bestTrial().map(Trial::number));
        ExperimentResult maximised = result(Objective.of("loss", Mode.MAX), failedBest, failedEmpty,
                trial(3, "loss", 1));
        assertEquals(Optional.of(3), maximised.bestTrial().map(Trial::number));
    }

    @Test
    void multiObjectiveBestTrialAsksForTheParetoFront() {
        ExperimentResult result = result(Objective.of(List.of("loss", "acc"), List.of(Mode.MIN, Mode.MAX)),
                trial(1, TrialStatus.TERMINATED, Config.empty(), pair("loss", 1, "acc", 0.5)));
        IllegalStateException e = assertThrows(IllegalStateException.class, result::bestTrial);
        assertTrue(e.getMessage().contains("[loss, acc]") && e.getMessage().contains("Pareto front"), e.getMessage());
        assertEquals(Optional.of(1), result.bestTrial("acc", Mode.MAX, Scope.LAST).map(Trial::number));
    }

    @Test
    void paretoFrontRespectsEachMetricsMode() {
        Config none = Config.empty();
        TrialStatus done = TrialStatus.TERMINATED;
        ExperimentResult result = result(Objective.of(List.of("loss", "acc"), List.of(Mode.MIN, Mode.MAX)),
                trial(1, done, none, pair("loss", 1, "acc", 0.5)),
                trial(2, done, none, pair("loss", 2, "acc", 0.9)),
                trial(3, done, none, pair("loss", 2, "acc", 0.4)),          // worse than 1 in both
                trial(4, TrialStatus.ERROR, none, pair("loss", 0.5, "acc", 0.3)),
                trial(5, done, none, pair("loss", 1, "acc", 0.5)),          // equal to 1: not dominated
                trial(6, done, none, pair("loss", Double.NaN, "acc", 0.99)), // not finite in every metric
                trial(7, done, none, pair("loss", 3, "acc", 0.9)),          // worse than 2 in loss only
                trial(8, done, none, Map.of("acc", new double[] {1.0})));   // never reported loss
        assertEquals(List.of(1, 2, 4, 5), result.paretoFront().stream().map(Trial::number).toList());
    }

    @Test
    void paretoFrontOfOneObjectiveIsTheBestTrials() {
        ExperimentResult result = result(Objective.of("score", Mode.MAX), trial(1, "score", 3), trial(2, "score", 7),
                trial(3, "score", 7), trial(4, "score", Double.POSITIVE_INFINITY));
        assertEquals(List.of(2, 3), result.paretoFront().stream().map(Trial::number).toList());
    }

    @Test
    void countsEveryStatusAndListsErrors() {
        ExperimentResult result = result(Objective.of("loss", Mode.MIN), trial(1, "loss", 1),
                trial(2, TrialStatus.ERROR, Config.empty(), Map.of()), trial(3, "loss", 2),
                trial(4, TrialStatus.RUNNING, Config.empty(), Map.of()));
        Map<TrialStatus, Long> counts = result.countByStatus();
        assertEquals(List.of(TrialStatus.values()), List.copyOf(counts.keySet()));
        assertEquals(2L, counts.get(TrialStatus.TERMINATED));
        assertEquals(1L, counts.get(TrialStatus.ERROR));
        assertEquals(1L, counts.get(TrialStatus.RUNNING));
        assertEquals(0L, counts.get(TrialStatus.PENDING));
        assertEquals(List.of(2), result.errors().stream().map(Trial::number).toList());
        assertThrows(UnsupportedOperationException.class, () -> result.trials().clear());
    }
}
