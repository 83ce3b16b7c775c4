package dev.tune.search.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Termination;
import dev.tune.search.SearchProblem;
import dev.tune.search.SearcherRuns;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.search.Suggestion;
import dev.tune.space.Space;
import dev.tune.space.SpaceBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** CMA-ES driven through the Searcher API: reproducibility, convergence, ask-and-tell bookkeeping. */
class CmaEsSearchTest {

    static Space box(int d, double lower, double upper) {
        SpaceBuilder builder = Space.builder();
        for (int i = 0; i < d; i++) {
            builder.uniform("x" + i, lower, upper);
        }
        return builder.build();
    }

    /** The squared distance to (1, ..., 1). */
    static double sphere(Config config) {
        double sum = 0;
        for (int i = 0; i < config.size(); i++) {
            double v = config.getDouble("x" + i) - 1;
            sum += v * v;
        }
        return sum;
    }

    static double rosenbrock(Config config) {
        return Benchmarks.rosenbrock(new double[] {config.getDouble("x0"), config.getDouble("x1")});
    }

    @Test
    void theSameSeedAndResultsGiveTheSameConfigs() {
        Space space = box(3, -5, 5);
        List<Config> first = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 60, 42), CmaEsSearchTest::sphere);
        List<Config> second = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 60, 42), CmaEsSearchTest::sphere);
        List<Config> other = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 60, 43), CmaEsSearchTest::sphere);
        assertEquals(60, first.size());
        assertEquals(first, second);
        assertNotEquals(first.get(0), other.get(0));
        assertNotEquals(first.get(30), other.get(30));
    }

    @Test
    void convergesOnASphere() {
        for (int seed = 0; seed < 5; seed++) {
            List<Config> configs = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(box(5, -5, 5), 300, seed),
                    CmaEsSearchTest::sphere);
            double best = SearcherRuns.best(configs, CmaEsSearchTest::sphere);
            assertTrue(best < 0.01, "seed " + seed + ": best " + best + " after 300 evaluations");
        }
    }

    @Test
    void convergesOnRosenbrock2() {
        double[] best = new double[10];
        for (int seed = 0; seed < best.length; seed++) {
            List<Config> configs = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(box(2, -5, 10), 500, seed),
                    CmaEsSearchTest::rosenbrock);
            best[seed] = SearcherRuns.best(configs, CmaEsSearchTest::rosenbrock);
            assertTrue(best[seed] < 0.1, "seed " + seed + ": best " + best[seed] + " after 500 evaluations");
        }
        Arrays.sort(best);
        assertTrue(best[5] < 1e-6, "median best " + best[5]);
    }

    @Test
    void maximisingIsMinimisingTheNegatedValue() {
        Space space = box(2, -5, 5);
        List<Config> maximised = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 200, 7, Mode.MAX),
                c -> -sphere(c));
        List<Config> minimised = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 200, 7), CmaEsSearchTest::sphere);
        assertEquals(minimised, maximised);
        assertTrue(SearcherRuns.best(maximised, CmaEsSearchTest::sphere) < 1e-4);
    }

    @Test
    void suggestsSamplesConfigsThenFinishes() {
        CmaEsSearch searcher = new CmaEsSearch();
        searcher.start(SearcherRuns.problem(box(2, 0, 1), 3, 0));
        for (int i = 0; i < 3; i++) {
            assertTrue(searcher.suggest("t" + i).config().isPresent());
        }
        assertTrue(searcher.suggest("t3").isFinished());
    }

    @Test
    void theStartUpTrialsAreSampledIndependentlyAndNotTold() {
        CmaEsSearch searcher = CmaEsSearch.builder().startupTrials(3).build();
        searcher.start(SearcherRuns.problem(box(2, 0, 1), 100, 0));
        for (int i = 0; i < 3; i++) {
            Config config = searcher.suggest("s" + i).config().orElseThrow();
            assertTrue(searcher.state().pending().get(0).x().isEmpty(), "start-up trial " + i);
            searcher.onTrialComplete(SearcherRuns.completed("s" + i, config, 1));
        }
        searcher.suggest("c0");
        CmaEsState state = searcher.state();
        assertEquals(2, state.pending().get(0).x().size(), "asked of CMA-ES once 3 trials have ended");
        assertEquals(0, state.evaluated().size());
        assertEquals(3, state.results());
    }

    @Test
    void aGenerationIsToldOncePopsizeTrialsEndedWithAValue() {
        CmaEsSearch searcher = CmaEsSearch.builder().startupTrials(0).popsize(4).build();
        searcher.start(SearcherRuns.problem(box(2, 0, 1), 100, 1));
        List<Config> configs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            configs.add(searcher.suggest("t" + i).config().orElseThrow());
        }
        searcher.onTrialComplete(SearcherRuns.failed("t0", configs.get(0)));
        searcher.onTrialComplete(SearcherRuns.completed("t1", configs.get(1), Double.NaN));
        searcher.onTrialComplete(SearcherRuns.ended("t2", configs.get(2), Map.of("loss", 1.0), Termination.EARLY_STOPPED));
        searcher.onTrialComplete(SearcherRuns.completed("t3", configs.get(3), 2));
        assertEquals(1, searcher.state().evaluated().size(), "failed, NaN and early-stopped trials are not told");

        for (int i = 4; i < 7; i++) {
            Config config = searcher.suggest("t" + i).config().orElseThrow();
            assertEquals(0, searcher.state().generation(), "their places are asked again of generation 0");
            searcher.onTrialComplete(SearcherRuns.completed("t" + i, config, i));
        }
        searcher.suggest("t7");
        CmaEsState state = searcher.state();
        assertEquals(1, state.generation());
        assertEquals(0, state.evaluated().size());
        assertEquals(1, state.pending().get(0).generation());
    }

    @Test
    void aTrialIsToldAtTheValuesItRanWith() {
        CmaEsSearch searcher = CmaEsSearch.builder().startupTrials(0).build();
        searcher.start(SearcherRuns.problem(box(2, 0, 10), 100, 1));
        searcher.suggest("t0");
        Config ranWith = Config.of(Map.of("x0", 2.5, "x1", 7.5));
        searcher.onTrialComplete(SearcherRuns.completed("t0", ranWith, 1));
        assertEquals(List.of(0.25, 0.75), searcher.state().evaluated().get(0).x(), "as a resumed trial's recorded config");
    }

    @Test
    void earlyStoppedTrialsAreToldWhenAsked() {
        CmaEsSearch searcher = CmaEsSearch.builder().startupTrials(0).considerEarlyStopped(true).build();
        searcher.start(SearcherRuns.problem(box(2, 0, 1), 100, 1));
        Config config = searcher.suggest("t0").config().orElseThrow();
        searcher.onTrialComplete(SearcherRuns.ended("t0", config, Map.of("loss", 1.0), Termination.EARLY_STOPPED));
        assertEquals(1, searcher.state().evaluated().size());
    }

    @Test
    void manyOutstandingSuggestionsAreExtraSamplesAndStaleResultsAreIgnored() {
        CmaEsSearch searcher = CmaEsSearch.builder().startupTrials(0).build();
        searcher.start(SearcherRuns.problem(box(2, -5, 5), 1000, 3));
        List<Config> configs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            configs.add(searcher.suggest("t" + i).config().orElseThrow());
        }
        assertEquals(20, searcher.state().pending().size());
        for (int i = 19; i >= 0; i--) {
            searcher.onTrialComplete(SearcherRuns.completed("t" + i, configs.get(i), sphere(configs.get(i))));
        }
        assertEquals(20, searcher.state().evaluated().size());
        searcher.suggest("t20");
        assertEquals(1, searcher.state().generation(), "the first 6 in suggestion order were told, the rest dropped");
        assertEquals(0, searcher.state().evaluated().size());

        Config late = searcher.suggest("t21").config().orElseThrow();
        for (int i = 22; i < 28; i++) {
            Config config = searcher.suggest("t" + i).config().orElseThrow();
            searcher.onTrialComplete(SearcherRuns.completed("t" + i, config, sphere(config)));
        }
        searcher.suggest("t28");
        assertEquals(2, searcher.state().generation());
        searcher.onTrialComplete(SearcherRuns.completed("t21", late, sphere(late)));
        assertEquals(0, searcher.state().evaluated().size(), "a result of generation 1 arriving in generation 2");
    }

    @Test
    void convergesWithFourTrialsRunningAtOnce() {
        CmaEsSearch searcher = new CmaEsSearch();
        searcher.start(SearcherRuns.problem(box(3, -5, 5), 400, 5));
        List<String> running = new ArrayList<>();
        List<Config> configs = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            Suggestion suggestion = searcher.suggest("t" + configs.size());
            if (suggestion.isFinished()) {
                break;
            }
            running.add("t" + configs.size());
            configs.add(suggestion.config().orElseThrow());
            if (running.size() == 4) {
                String id = running.remove(configs.size() % 4);
                Config config = configs.get(Integer.parseInt(id.substring(1)));
                best = Math.min(best, sphere(config));
                searcher.onTrialComplete(SearcherRuns.completed(id, config, sphere(config)));
            }
        }
        assertTrue(best < 1e-3, "best " + best);
    }

    @Test
    void usersCanNameItByItsClassName() {
        assertInstanceOf(CmaEsSearch.class, Tuner.searcher(CmaEsSearch.class.getName(), TuneOptions.builder().build()));
    }

    @Test
    void unknownTrialsAreIgnoredAndMultiObjectiveIsRefused() {
        CmaEsSearch searcher = new CmaEsSearch();
        searcher.start(SearcherRuns.problem(box(2, 0, 1), 10, 0));
        searcher.onTrialComplete(SearcherRuns.completed("stranger", Config.empty(), 1));
        assertEquals(0, searcher.state().results());
        SearchProblem twoMetrics = new SearchProblem(box(2, 0, 1),
                Objective.of(List.of("loss", "time"), List.of(Mode.MIN, Mode.MIN)), 10, 0);
        assertThrows(IllegalArgumentException.class, () -> new CmaEsSearch().start(twoMetrics));
        assertThrows(IllegalStateException.class, () -> new CmaEsSearch().suggest("t0"));
        assertThrows(IllegalArgumentException.class, () -> CmaEsSearch.builder().popsize(1));
        assertThrows(IllegalArgumentException.class, () -> CmaEsSearch.builder().sigma0(0));
    }

    @Test
    void ipopRestartsWithTwiceThePopulationWhenTheValuesAreFlat() {
        CmaEsSearch searcher = CmaEsSearch.builder().restart(RestartStrategy.IPOP).build();
        ToDoubleFunction<Config> flat = c -> 1;
        SearcherRuns.sequential(searcher, SearcherRuns.problem(box(2, 0, 1), 200, 0), flat);
        CmaEsState state = searcher.state();
        assertEquals(1, state.restarts());
        assertEquals(12, state.popsize());

        CmaEsSearch plain = new CmaEsSearch();
        SearcherRuns.sequential(plain, SearcherRuns.problem(box(2, 0, 1), 200, 0), flat);
        assertEquals(0, plain.state().restarts());
        assertEquals(6, plain.state().popsize());
    }
}
