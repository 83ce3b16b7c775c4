package dev.tune.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Termination;
import dev.tune.search.RandomSearch;
import dev.tune.search.SearchProblem;
import dev.tune.search.SearcherRuns;
import dev.tune.search.Searchers;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The GP searcher through the Searcher API: quality, types, bookkeeping, parallel suggestions. */
class GpSearchTest {

    @Test
    void beatsRandomSearchOnBraninOverSeeds() {
        Space space = GpRuns.braninSpace();
        double optimum = 5 / (4 * Math.PI);
        double[] gp = new double[5];
        double[] random = new double[5];
        for (int seed = 0; seed < gp.length; seed++) {
            gp[seed] = SearcherRuns.best(SearcherRuns.sequential(new GpSearch(), SearcherRuns.problem(space, 40, seed),
                    GpRuns::branin), GpRuns::branin) - optimum;
            random[seed] = SearcherRuns.best(SearcherRuns.sequential(new RandomSearch(), SearcherRuns.problem(space, 40, seed),
                    GpRuns::branin), GpRuns::branin) - optimum;
        }
        Arrays.sort(gp);
        Arrays.sort(random);
        assertTrue(gp[2] < 0.05, () -> "median regret " + Arrays.toString(gp));
        assertTrue(gp[2] < random[2] / 5, () -> Arrays.toString(gp) + " against random " + Arrays.toString(random));
    }

    @Test
    void theSameSeedAndResultsGiveTheSameConfigs() {
        Space space = GpRuns.braninSpace();
        List<Config> first = SearcherRuns.sequential(new GpSearch(), SearcherRuns.problem(space, 16, 42), GpRuns::branin);
        List<Config> second = SearcherRuns.sequential(new GpSearch(), SearcherRuns.problem(space, 16, 42), GpRuns::branin);
        List<Config> other = SearcherRuns.sequential(new GpSearch(), SearcherRuns.problem(space, 16, 43), GpRuns::branin);
        assertEquals(16, first.size());
        assertEquals(first, second);
        assertNotEquals(first.get(12), other.get(12));
    }

    @Test
    void integerAndCategoricalValuesKeepTheirTypesAndTheModelFindsTheGoodCategory() {
        Space space = Space.builder().choice("c", "a", "b", "c").randint("n", 1, 21).uniform("x", -5, 5).build();
        List<Config> configs = SearcherRuns.sequential(new GpSearch(), SearcherRuns.problem(space, 40, 3), GpSearchTest::mixed);
        for (Config config : configs) {
            assertTrue(config.get("n") instanceof Long, config.toString());
            long n = config.getLong("n");
            assertTrue(n >= 1 && n <= 20, config.toString());
            assertTrue(List.of("a", "b", "c").contains(config.get("c")), config.toString());
        }
        long goodLate = configs.subList(25, 40).stream().filter(c -> c.get("c").equals("b")).count();
        assertTrue(goodLate >= 10, () -> goodLate + " of the last 15 in category b");
        assertTrue(SearcherRuns.best(configs, GpSearchTest::mixed) < 0.5, () -> "best " + SearcherRuns.best(configs,
                GpSearchTest::mixed));
    }

    private static double mixed(Config config) {
        double off = config.get("c").equals("b") ? 0 : 2;
        double dn = config.getLong("n") - 13;
        double dx = config.getDouble("x") + 2;
        return off + 0.02 * dn * dn + dx * dx;
    }

    @Test
    void runningTrialsMakeParallelSuggestionsDiffer() {
        Space space = GpRuns.braninSpace();
        GpSearch searcher = new GpSearch();
        searcher.start(SearcherRuns.problem(space, 20, 9));
        for (int i = 0; i < 10; i++) {
            Config config = searcher.suggest("t" + i).config().orElseThrow();
            searcher.onTrialComplete(SearcherRuns.completed("t" + i, config, GpRuns.branin(config)));
        }
        Set<Config> parallel = new HashSet<>();
        for (int i = 10; i < 14; i++) {
            parallel.add(searcher.suggest("t" + i).config().orElseThrow());
        }
        assertEquals(4, parallel.size());
        List<double[]> points = new ArrayList<>();
        for (Config config : parallel) {
            points.add(new double[] {(config.getDouble("x0") + 5) / 15, config.getDouble("x1") / 15});
        }
        for (int a = 0; a < points.size(); a++) {
            for (int b = 0; b < a; b++) {
                double dx = points.get(a)[0] - points.get(b)[0];
                double dy = points.get(a)[1] - points.get(b)[1];
                assertTrue(Math.sqrt(dx * dx + dy * dy) > 1e-3, "two parallel suggestions coincide");
            }
        }
    }

    @Test
    void failedAndEarlyStoppedTrialsAreNotModelledAndDelayTheModel() {
        Space space = GpRuns.braninSpace();
        GpSearch told = new GpSearch();
        GpSearch ignoring = new GpSearch();
        told.start(SearcherRuns.problem(space, 30, 4));
        ignoring.start(SearcherRuns.problem(space, 30, 4));
        for (int i = 0; i < 12; i++) {
            Config a = told.suggest("t" + i).config().orElseThrow();
            Config b = ignoring.suggest("t" + i).config().orElseThrow();
            if (i <= 10) {
                assertEquals(a, b, "trial " + i);
            }
            told.onTrialComplete(SearcherRuns.completed("t" + i, a, GpRuns.branin(a)));
            ignoring.onTrialComplete(i < 10 ? SearcherRuns.completed("t" + i, b, GpRuns.branin(b))
                    : i == 10 ? SearcherRuns.failed("t" + i, b)
                    : SearcherRuns.ended("t" + i, b, Map.of("loss", -1e9), Termination.EARLY_STOPPED));
        }
        Config a = told.suggest("t12").config().orElseThrow();
        Config b = ignoring.suggest("t12").config().orElseThrow();
        assertNotEquals(a, b, "the model saw different trials");
    }

    @Test
    void maximisingFindsTheMaximum() {
        Space space = GpRuns.braninSpace();
        SearchProblem problem = new SearchProblem(space, Objective.of("loss", Mode.MAX), 30, 5);
        List<Config> configs = SearcherRuns.sequential(new GpSearch(), problem, c -> -GpRuns.branin(c));
        double best = SearcherRuns.best(configs, GpRuns::branin);
        assertTrue(best < 0.5, "best " + best);
    }

    @Test
    void severalObjectivesAreRefusedAtStart() {
        SearchProblem problem = new SearchProblem(GpRuns.braninSpace(),
                Objective.of(List.of("a", "b"), List.of(Mode.MIN, Mode.MIN)), 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Searchers.byName("gp").start(problem));
        assertTrue(e.getMessage().contains("one metric"), e.getMessage());
    }
}
