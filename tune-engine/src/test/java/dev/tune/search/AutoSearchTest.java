package dev.tune.search;

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

/** {@code auto}'s rule: which searcher each shape of problem gets, as measured on B4 and B8. */
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
}
