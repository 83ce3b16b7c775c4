package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.search.cmaes.CmaEsSearch;
import dev.tune.search.gp.GpSearch;
import dev.tune.search.nsga.NsgaIISearch;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.space.Space;
import dev.tune.space.SpaceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code auto}'s rule: which searcher each shape of problem gets, as measured on B4 and B8, and how it says so. */
class AutoSearchTest {

    private static final Objective ONE = Objective.of("loss", Mode.MIN);
    private static final Objective TWO = Objective.of(List.of("a", "b"), List.of(Mode.MIN, Mode.MIN));

    private static Space numbers(int d) {
        SpaceBuilder builder = Space.builder();
        for (int i = 0; i < d; i++) {
            builder.uniform("x" + i, 0, 1);
        }
        return builder.build();
    }

    private static Searcher chosen(SearchProblem problem) {
        AutoSearch auto = new AutoSearch();
        auto.start(problem);
        return auto.chosen();
    }

    private static String sentence(SearchProblem problem) {
        AutoSearch auto = new AutoSearch();
        auto.start(problem);
        return auto.describe();
    }

    @Test
    void gpForTwoToSixHyperparametersOnAModestBudgetWithoutEarlyStopping() {
        assertInstanceOf(GpSearch.class, chosen(new SearchProblem(numbers(2), ONE, 100, 1)));
        assertInstanceOf(GpSearch.class, chosen(new SearchProblem(numbers(6), ONE, 500, 1)));
        Space mixed = Space.builder().choice("c", "a", "b").randint("n", 1, 20).uniform("x", 0, 1).build();
        assertInstanceOf(GpSearch.class, chosen(new SearchProblem(mixed, ONE, 100, 1)));
    }

    @Test
    void notGpBeyondItsMeasuredGround() {
        assertInstanceOf(TpeSearch.class, chosen(new SearchProblem(numbers(8), ONE, 100, 1)), "8 dimensions: TPE led");
        assertInstanceOf(CmaEsSearch.class, chosen(new SearchProblem(numbers(4), ONE, 1_000, 1)), "beyond 500 trials");
        assertInstanceOf(TpeSearch.class, chosen(new SearchProblem(numbers(1), ONE, 100, 1)), "one number");
        assertInstanceOf(CmaEsSearch.class, chosen(new SearchProblem(numbers(3), ONE, 100, 1, Brackets.NONE, true)),
                "a scheduler that stops trials early leaves gp little to learn from");
        Space conditional = Space.builder().choice("opt", "sgd", "adam")
                .when("opt", List.of("sgd"), g -> g.loguniform("lr", 1e-3, 1)).uniform("x", 0, 1).build();
        assertInstanceOf(TpeSearch.class, chosen(new SearchProblem(conditional, ONE, 100, 1)), "conditions: TPE");
        Space grid = Space.builder().grid("g", 1, 2).uniform("x", 0, 1).build();
        assertInstanceOf(RandomSearch.class, chosen(new SearchProblem(grid, ONE, 100, 1)), "a grid is tried point by point");
    }

    @Test
    void severalObjectivesGetTpeUpToThreeThousandTrialsAndNsgaIIBeyond() {
        assertInstanceOf(TpeSearch.class, chosen(new SearchProblem(numbers(6), TWO, 200, 1)));
        assertInstanceOf(TpeSearch.class, chosen(new SearchProblem(numbers(6), TWO, 3_000, 1)));
        assertInstanceOf(NsgaIISearch.class, chosen(new SearchProblem(numbers(6), TWO, 3_001, 1)));
    }

    @Test
    void saysInOneSentenceWhatItChoseAndWhy() {
        String tpe = "TPE (10 random start-up trials, then 24 candidates per suggestion; ";
        assertEquals("auto chose Gaussian-process search (Matérn 5/2 kernel, log expected improvement, 10 random"
                + " start-up trials) for 100 trials of 4 hyperparameters: 2 to 6 hyperparameters that every trial has,"
                + " at most 500 trials, and no early stopping", sentence(new SearchProblem(numbers(4), ONE, 100, 1)));
        assertEquals("auto chose CMA-ES (1 random start-up trial, then generations of 8 trials) for 1,000 trials of 4"
                + " hyperparameters: numbers only, more than 500 trials, and enough trials for 125 generations",
                sentence(new SearchProblem(numbers(4), ONE, 1_000, 1)));
        assertEquals("auto chose CMA-ES (1 random start-up trial, then generations of 7 trials) for 100 trials of 3"
                + " hyperparameters: numbers only, a scheduler that stops trials early, and enough trials for 14"
                + " generations", sentence(new SearchProblem(numbers(3), ONE, 100, 1, Brackets.NONE, true)));
        assertEquals("auto chose " + tpe + "independent per hyperparameter) for 100 trials of 8 hyperparameters:"
                + " more than 6 hyperparameters, and too few trials for more than 10 CMA-ES generations",
                sentence(new SearchProblem(numbers(8), ONE, 100, 1)));
        Space conditional = Space.builder().choice("opt", "sgd", "adam")
                .when("opt", List.of("sgd"), g -> g.loguniform("lr", 1e-3, 1)).uniform("x", 0, 1).build();
        assertEquals("auto chose " + tpe + "joint over hyperparameters that occur together) for 100 trials of 3"
                + " hyperparameters: conditional hyperparameters",
                sentence(new SearchProblem(conditional, ONE, 100, 1)));
        Space mixed = Space.builder().choice("c", "a", "b").uniform("x", 0, 1).build();
        assertEquals("auto chose " + tpe + "joint over hyperparameters that occur together) for 1,000 trials of 2"
                + " hyperparameters: more than 500 trials, and choices, which CMA-ES does not model",
                sentence(new SearchProblem(mixed, ONE, 1_000, 1)));
        assertEquals("auto chose " + tpe + "independent per hyperparameter) for 100 trials of 1 hyperparameter:"
                + " a single hyperparameter", sentence(new SearchProblem(numbers(1), ONE, 100, 1)));
    }

    @Test
    void withoutALimitOnTrialsItChoosesAsForManyTrialsAndSaysSo() {
        int unbounded = SearchProblem.UNBOUNDED;
        assertEquals("auto chose CMA-ES (1 random start-up trial, then generations of 8 trials) for trials until the"
                + " experiment is stopped, of 4 hyperparameters: numbers only, and no limit on trials",
                sentence(new SearchProblem(numbers(4), ONE, unbounded, 1)));
        Space mixed = Space.builder().choice("c", "a", "b").uniform("x", 0, 1).build();
        assertInstanceOf(TpeSearch.class, chosen(new SearchProblem(mixed, ONE, unbounded, 1)), "not GP: no limit");
        assertInstanceOf(NsgaIISearch.class, chosen(new SearchProblem(numbers(6), TWO, unbounded, 1)));
    }

    @Test
    void saysWhatItChoseForSeveralObjectivesAGridAndNothingToModel() {
        assertEquals("auto chose TPE (10 random start-up trials, then 24 candidates per suggestion; independent per"
                + " hyperparameter; good trials by Pareto rank, then hypervolume) for 200 trials of 6 hyperparameters:"
                + " 2 objectives and at most 3,000 trials", sentence(new SearchProblem(numbers(6), TWO, 200, 1)));
        assertEquals("auto chose NSGA-II (generations of 50 trials, the first drawn at random, each later one bred by"
                + " crossover and mutation) for 3,001 trials of 6 hyperparameters: 2 objectives and more than 3,000"
                + " trials", sentence(new SearchProblem(numbers(6), TWO, 3_001, 1)));
        Space grid = Space.builder().grid("g", 1, 2, 3).uniform("x", 0, 1).build();
        assertEquals("auto chose random search over a grid (each of the 3 combinations 100 times; any other"
                + " hyperparameter drawn at random) for 300 trials of 2 hyperparameters: a grid asks for every"
                + " combination, as in Ray", sentence(new SearchProblem(grid, ONE, 100, 1)));
        Space fixed = Space.builder().constant("seed", 7).build();
        assertEquals("auto chose random search for 10 trials: no hyperparameter varies, so there is nothing to model",
                sentence(new SearchProblem(fixed, ONE, 10, 1)));
    }

    @Test
    void describesItselfBeforeItStarts() {
        assertEquals("auto (chooses a searcher when the experiment starts)", new AutoSearch().describe());
    }
}
