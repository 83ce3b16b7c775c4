package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.search.tpe.TpeSettings;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** TPE searches better than random on the same budget, spreads parallel suggestions, and maximises. */
class TpeSearchTest {

    static final Space BRANIN = Space.builder().uniform("x0", -5, 10).uniform("x1", 0, 15).build();

    static double branin(Config c) {
        double x = c.getDouble("x0");
        double y = c.getDouble("x1");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double t = y - b * x * x + 5 / Math.PI * x - 6;
        return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
    }

    /** The best value after {@code budget} sequential trials. */
    static double best(Searcher searcher, Space space, ToDoubleFunction<Config> f, int budget, long seed, Mode mode) {
        searcher.start(new SearchProblem(space, Objective.of("loss", mode), budget, seed));
        double best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < budget; i++) {
            Config config = searcher.suggest("t" + i).config().orElseThrow();
            double value = f.applyAsDouble(config);
            best = mode == Mode.MIN ? Math.min(best, value) : Math.max(best, value);
            searcher.onTrialComplete(Trials.completed("t" + i, config, Map.of("loss", value)));
        }
        return best;
    }

    static double medianRegret(String name, Space space, ToDoubleFunction<Config> f, double optimum, int seeds) {
        double[] regrets = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            regrets[s] = best(Searchers.byName(name), space, f, 100, s, Mode.MIN) - optimum;
        }
        Arrays.sort(regrets);
        return (regrets[(seeds - 1) / 2] + regrets[seeds / 2]) / 2;
    }

    @Test
    void onBraninTpeBeatsRandomSearchOnTheSameBudget() {
        double optimum = 0.397887357729738;
        double random = medianRegret("random", BRANIN, TpeSearchTest::branin, optimum, 10);
        double tpe = medianRegret("tpe", BRANIN, TpeSearchTest::branin, optimum, 10);
        double multivariate = medianRegret("tpe_multivariate", BRANIN, TpeSearchTest::branin, optimum, 10);
        assertTrue(tpe < random / 2, "tpe " + tpe + " vs random " + random);
        assertTrue(multivariate < random / 2, "multivariate " + multivariate + " vs random " + random);
    }

    @Test
    void runningTrialsGetDifferentSuggestions() {
        TpeSearch tpe = new TpeSearch();
        tpe.start(new SearchProblem(BRANIN, Objective.of("loss", Mode.MIN), 100, 3));
        for (int i = 0; i < 20; i++) {
            Config config = tpe.suggest("t" + i).config().orElseThrow();
            tpe.onTrialComplete(Trials.completed("t" + i, config, Map.of("loss", branin(config))));
        }
        List<Config> parallel = new ArrayList<>();
        for (int i = 20; i < 28; i++) {
            parallel.add(tpe.suggest("t" + i).config().orElseThrow());
        }
        assertEquals(8, new HashSet<>(parallel).size(), parallel.toString());
    }

    @Test
    void itMaximisesWhenTheObjectiveSaysSo() {
        Space space = Space.builder().uniform("x", 0, 1).build();
        ToDoubleFunction<Config> peak = c -> -Math.pow(c.getDouble("x") - 0.3, 2);
        double best = best(new TpeSearch(TpeSettings.DEFAULTS.startupTrials(5)), space, peak, 40, 1, Mode.MAX);
        assertTrue(best > -1e-3, "best " + best);
    }

    @Test
    void categoricalAndIntegerHyperparametersAreModelled() {
        Space space = Space.builder().choice("c", "a", "b", "c").randint("n", 1, 21).build();
        ToDoubleFunction<Config> f = c -> (c.get("c").equals("b") ? 0 : 1) + 0.02 * Math.pow(c.getLong("n") - 13, 2);
        int hits = 0;
        for (long seed = 0; seed < 5; seed++) {
            hits += best(new TpeSearch(), space, f, 40, seed, Mode.MIN) == 0 ? 1 : 0;
        }
        assertTrue(hits >= 4, hits + " of 5 runs found c=b, n=13");
    }

    @Test
    void conditionalHyperparametersAreModelledFromTheTrialsThatHaveThem() {
        Space space = Space.builder().choice("optimizer", "sgd", "adam")
                .when("optimizer", List.of("sgd"), g -> g.loguniform("momentumLr", 1e-4, 1))
                .when("optimizer", List.of("adam"), g -> g.uniform("beta", 0, 1))
                .build();
        ToDoubleFunction<Config> f = c -> c.get("optimizer").equals("sgd")
                ? Math.abs(Math.log10(c.getDouble("momentumLr")) + 2) : 0.5 + Math.abs(c.getDouble("beta") - 0.9);
        for (String name : new String[] {"tpe", "tpe_multivariate"}) {
            double[] tpe = new double[5];
            double[] random = new double[5];
            for (int seed = 0; seed < 5; seed++) {
                tpe[seed] = best(Searchers.byName(name), space, f, 60, seed, Mode.MIN);
                random[seed] = best(Searchers.byName("random"), space, f, 60, seed, Mode.MIN);
            }
            Arrays.sort(tpe);
            Arrays.sort(random);
            assertTrue(tpe[2] < random[2] / 2, name + " " + Arrays.toString(tpe) + " vs random " + Arrays.toString(random));
        }
    }
}
