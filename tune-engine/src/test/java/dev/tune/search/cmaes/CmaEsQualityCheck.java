package dev.tune.search.cmaes;

import dev.tune.Config;
import dev.tune.search.Searcher;
import dev.tune.search.SearcherRuns;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Benchmark B4's protocol for CMA-ES (100 sequential trials, seeds 0..19, median regret). Not part
 * of the suite (the name does not end in Test); run it with
 * {@code -Dtest=CmaEsQualityCheck -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CmaEsQualityCheck {

    private static final int BUDGET = Integer.getInteger("b4.budget", 100);
    private static final int SEEDS = Integer.getInteger("b4.seeds", 20);

    @Test
    void printsMedianRegrets() {
        report("cmaes", CmaEsSearch::new);
        report("cmaes_ipop", () -> CmaEsSearch.builder().restart(RestartStrategy.IPOP).build());
    }

    @Test
    void printsTheDriverOverheadOfAThousandTrials() {
        dev.tune.space.Space space = dev.tune.space.Space.builder().uniform("x", 0, 1).uniform("y", 0, 1).build();
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 1000, round),
                    c -> 1 + 1e-9 * (c.getDouble("x") + c.getDouble("y")));
            System.out.printf(Locale.ROOT, "B1-style: 1000 CMA-ES suggestions and tells in %.1f ms%n",
                    (System.nanoTime() - started) / 1e6);
        }
    }

    private static void report(String name, Supplier<Searcher> searcher) {
        for (Benchmarks function : Benchmarks.values()) {
            double[][] regrets = new double[3][SEEDS];
            long started = System.nanoTime();
            for (int seed = 0; seed < SEEDS; seed++) {
                List<Config> configs = SearcherRuns.sequential(searcher.get(), SearcherRuns.problem(function.space, BUDGET, seed),
                        function.f);
                regrets[0][seed] = SearcherRuns.best(configs.subList(0, 25), function.f) - function.optimum;
                regrets[1][seed] = SearcherRuns.best(configs.subList(0, 50), function.f) - function.optimum;
                regrets[2][seed] = SearcherRuns.best(configs, function.f) - function.optimum;
            }
            double seconds = (System.nanoTime() - started) / 1e9 / SEEDS;
            System.out.printf(Locale.ROOT, "%-18s %-11s @25 %-9.3g @50 %-9.3g @100 %-9.3g [IQR %.3g] %.3f s/run%n",
                    function.name().toLowerCase(Locale.ROOT), name, median(regrets[0]), median(regrets[1]),
                    median(regrets[2]), percentile(regrets[2], 0.75) - percentile(regrets[2], 0.25), seconds);
            System.out.println("RAW " + function.name().toLowerCase(Locale.ROOT) + " " + name + " "
                    + Arrays.toString(regrets[2]));
        }
    }

    static double median(double[] values) {
        return percentile(values, 0.5);
    }

    /** numpy's linear-interpolated percentile. */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
