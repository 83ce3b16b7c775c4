package dev.tune.search.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Objective;
import dev.tune.result.Trial;
import dev.tune.run.Tuner;
import dev.tune.search.tpe.examples.Constrained;
import dev.tune.trainable.Experiment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Constraints as Optuna's constraints_func: feasible trials first, in the searchers and in the result. */
class ConstraintsTest {

    private static ExperimentResult run(String searcher, long seed) {
        return Tuner.run(Experiment.of(Constrained.class).get(0), TuneOptions.builder().samples(120).seed(seed)
                .searcher(searcher).maxConcurrentTrials(1).inMemory().verbose(0).build());
    }

    private static long feasibleAfter(ExperimentResult result, int from) {
        return result.feasible().stream().filter(t -> t.number() > from).count();
    }

    @Test
    void theFrontAndTheSummaryTakeFeasibleTrialsOnly() {
        ExperimentResult result = run("random", 1);
        assertTrue(result.feasible().size() < result.trials().size());
        for (Trial t : result.paretoFront()) {
            assertTrue(t.lastResult().orElseThrow().metric("too_far") <= 0, t.name());
        }
        assertTrue(result.objective().describe(Map.of()).endsWith("subject to too_far <= 0"),
                result.objective().describe(Map.of()));
    }

    @Test
    void searchersThatModelResultsLearnToStayFeasible() {
        for (String searcher : List.of("tpe", "nsga2")) {
            long model = 0;
            long random = 0;
            for (long seed = 0; seed < 3; seed++) {
                model += feasibleAfter(run(searcher, seed), 60);
                random += feasibleAfter(run("random", seed), 60);
            }
            assertTrue(model > random, searcher + ": feasible trials among the last 60 of 3 runs: " + model
                    + ", random search " + random);
        }
    }

    @Test
    void infeasibleTrialsJoinTheGoodOnesOnlyWhenTooFewAreFeasible() {
        History history = new History();
        Objective objective = Objective.of(List.of("a", "b"), List.of()).withConstraints(List.of("c"));
        for (int i = 1; i <= 20; i++) {
            double violation = i <= 19 ? i : 0; // only trial 20 is feasible
            history.finished("t" + i, new History.Seen("t" + i, i, Config.of(Map.of("x", (double) i)), i, false, 1,
                    new double[] {i, -i}, violation));
        }
        List<History.Seen> good = history.split(true, 10, false).get(0);
        assertEquals(List.of("t1", "t20"), good.stream().map(History.Seen::id).toList(),
                "gamma(20) = 2 good trials: the feasible one, then the smallest violation");
        assertEquals(0, objective.violation(Map.of("c", -1.0)));
        assertEquals(Double.POSITIVE_INFINITY, objective.violation(Map.of()));
    }
}
