package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.space.Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each searcher a user names says of itself in the log, the summary and the report. */
class SearcherDescriptionTest {

    private static final Objective ONE = Objective.of("loss", Mode.MIN);

    private static String started(Searcher searcher, Space space, int samples) {
        searcher.start(new SearchProblem(space, ONE, samples, 1));
        return searcher.describe();
    }

    @Test
    void everyNamedSearcherSaysWhatItIsAndTheSettingsThatMatter() {
        assertEquals("random search", Searchers.byName("random").describe());
        assertEquals("TPE (10 random start-up trials, then 24 candidates per suggestion; independent per"
                + " hyperparameter)", Searchers.byName("tpe").describe());
        assertEquals("TPE (10 random start-up trials, then 24 candidates per suggestion; joint over hyperparameters"
                + " that occur together)", Searchers.byName("tpe_multivariate").describe());
        assertEquals("BOHB (10 random start-up trials, then 24 candidates per suggestion; joint over hyperparameters"
                + " that occur together; trials compared at the most iterations enough of them reached)",
                Searchers.byName("bohb").describe());
        assertEquals("CMA-ES (1 random start-up trial, then generations of 4 + floor(3 ln d) trials)",
                Searchers.byName("cmaes").describe());
        assertEquals("Gaussian-process search (Matérn 5/2 kernel, log expected improvement, 10 random start-up"
                + " trials)", Searchers.byName("gp").describe());
        assertEquals("NSGA-II (generations of 50 trials, the first drawn at random, each later one bred by crossover"
                + " and mutation)", Searchers.byName("nsga2").describe());
        assertEquals("grid search over every choice, grid and integer range of at most 1,000 values",
                Searchers.byName("grid").describe());
    }

    @Test
    void onceStartedGridAndRandomSearchSayHowTheyCoverTheGrid() {
        Space space = Space.builder().choice("c", "a", "b", "c").randint("n", 0, 4).uniform("x", 0, 1).build();
        assertEquals("grid search over every choice, grid and integer range of at most 1,000 values (each of the 12"
                + " combinations twice; any other hyperparameter drawn at random)",
                started(new GridSearch(), space, 2));
        Space grid = Space.builder().grid("g", 1, 2).uniform("x", 0, 1).build();
        assertEquals("random search over a grid (each of the 2 combinations once; any other hyperparameter drawn at"
                + " random)", started(new RandomSearch(), grid, 1));
        assertEquals("random search", started(new RandomSearch(), space, 2));
    }

    @Test
    void wrappersAddWhatTheyChange() {
        assertEquals("random search; at most 4 trials at a time",
                new ConcurrencyLimiter(new RandomSearch(), 4).describe());
        assertEquals("random search; each config run 3 times, told the mean",
                new Repeater(new RandomSearch(), 3).describe());
        assertEquals("random search; stopped after 1 trial", new TrialLimit(new RandomSearch(), 1).describe());
        assertEquals("the 2 given configs, in order", new GivenConfigs(List.of(Config.of(Map.of("x", 1)),
                Config.of(Map.of("x", 2)))).describe());
    }
}
