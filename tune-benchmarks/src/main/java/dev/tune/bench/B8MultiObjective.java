package dev.tune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Hypervolume;
import dev.tune.result.Trial;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B8, several objectives: zdt1, zdt2 and dtlz2, 200 sequential trials, seeds 0..9; the hypervolume
 * of the non-dominated trials after 50, 100 and 200 trials, against Optuna 4.9's per-seed figures
 * ({@code optuna-4.9-multiobjective.json}, copied from {@code shared/bench}) with B4's two-sided
 * Mann-Whitney U: parity with Optuna's best sampler per problem, and better than tune's own random
 * search.
 */
final class B8MultiObjective {

    static final List<String> DEFAULT_SEARCHERS = List.of("auto", "tpe", "nsga2", "random");
    static final List<String> PROBLEMS = List.of("zdt1", "zdt2", "dtlz2");
    static final int TRIALS = 200;

    private B8MultiObjective() {
    }

    /**
     * Runs B8 with {@code trials} trials a run: at 200, against Optuna's figures; at any other
     * budget (how {@code auto} weighs NSGA-II against TPE for larger budgets), tune's searchers
     * against each other and against random search only.
     */
    static List<String> run(List<String> searchers, int seeds, int trials, PrintStream out) {
        JsonNode reference = reference();
        int[] budgets = {trials / 4, trials / 2, trials};
        out.printf("B8: %s, %d trials, seeds 0..%d, hypervolume at %d / %d / %d trials; %s%n", PROBLEMS, trials,
                seeds - 1, budgets[0], budgets[1], budgets[2], trials == TRIALS ? "against Optuna 4.9"
                        : "searchers against each other (Optuna's figures are for 200 trials)");
        Tuner.run(experiment("zdt1"), options(0, "tpe", TRIALS)); // warm-up
        List<String> results = new ArrayList<>();
        for (String problem : PROBLEMS) {
            double[] ref = values(reference.path("ref").path(problem));
            Map<String, double[]> hv200 = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(searchers);
            if (!order.contains("random")) {
                order.add("random");
            }
            for (String searcher : order) {
                double[][] byBudget = new double[3][seeds];
                long start = System.nanoTime();
                for (int seed = 0; seed < seeds; seed++) {
                    ExperimentResult result = Tuner.run(experiment(problem), options(seed, searcher, trials));
                    for (int b = 0; b < budgets.length; b++) {
                        byBudget[b][seed] = hypervolume(result, budgets[b], ref);
                    }
                }
                hv200.put(searcher, byBudget[2]);
                out.printf("B8 %s %s: median hv %s / %s / %s at %d / %d / %d (%s s a run)%n", problem, searcher,
                        plain(median(byBudget[0])), plain(median(byBudget[1])), plain(median(byBudget[2])), budgets[0],
                        budgets[1], budgets[2], ResultLine.plain((System.nanoTime() - start) / 1e9 / seeds, 2));
            }
            if (trials != TRIALS) {
                results.addAll(againstEachOther(problem, searchers, hv200, trials, out));
                continue;
            }
            String best = null;
            double[] bestValues = null;
            for (String sampler : List.of("nsga2", "tpe", "random")) {
                double[] theirs = perSeed(reference, problem + "/" + sampler, seeds);
                if (bestValues == null || median(theirs) > median(bestValues)) {
                    best = sampler;
                    bestValues = theirs;
                }
            }
            out.printf("B8 %s: Optuna's best is %s, median hv %s%n", problem, best, plain(median(bestValues)));
            for (String searcher : searchers) {
                double[] ours = hv200.get(searcher);
                results.add(ResultLine.of("B8", problem).toString() + " searcher=" + searcher
                        + " median_hv=" + plain(median(ours)) + " optuna_best=" + plain(median(bestValues))
                        + " p_vs_best=" + ResultLine.plain(MannWhitney.pValue(ours, bestValues), 4)
                        + " random_hv=" + plain(median(hv200.get("random")))
                        + " p_vs_random=" + ResultLine.plain(MannWhitney.pValue(ours, hv200.get("random")), 4));
            }
        }
        return results;
    }

    /** At a budget Optuna was not measured at: each searcher against each other one and against random search. */
    private static List<String> againstEachOther(String problem, List<String> searchers, Map<String, double[]> hv,
            int trials, PrintStream out) {
        List<String> results = new ArrayList<>();
        for (int i = 0; i < searchers.size(); i++) {
            for (int j = i + 1; j < searchers.size(); j++) {
                double[] a = hv.get(searchers.get(i));
                double[] b = hv.get(searchers.get(j));
                out.printf("B8 %s at %d trials: %s %s against %s %s, p %s%n", problem, trials, searchers.get(i),
                        plain(median(a)), searchers.get(j), plain(median(b)),
                        ResultLine.plain(MannWhitney.pValue(a, b), 4));
            }
        }
        for (String searcher : searchers) {
            double[] ours = hv.get(searcher);
            results.add(ResultLine.of("B8", problem).toString() + " searcher=" + searcher + " trials=" + trials
                    + " median_hv=" + plain(median(ours)) + " random_hv=" + plain(median(hv.get("random")))
                    + " p_vs_random=" + ResultLine.plain(MannWhitney.pValue(ours, hv.get("random")), 4));
        }
        return results;
    }

    private static Experiment experiment(String problem) {
        return Experiment.of(B8Problems.class).stream().filter(e -> e.name().equals(problem)).findFirst().orElseThrow();
    }

    private static TuneOptions options(int seed, String searcher, int trials) {
        return TuneOptions.builder().samples(trials).seed(seed).searcher(searcher).maxConcurrentTrials(1).inMemory()
                .verbose(0).build();
    }

    /** The hypervolume of the first {@code budget} trials (by number), non-dominated or not. */
    static double hypervolume(ExperimentResult result, int budget, double[] reference) {
        List<double[]> points = new ArrayList<>();
        List<String> metrics = result.objective().metrics();
        for (Trial trial : result.trials()) {
            if (trial.number() <= budget && trial.lastResult().isPresent()) {
                double[] p = new double[metrics.size()];
                for (int k = 0; k < p.length; k++) {
                    p[k] = trial.lastResult().get().metric(metrics.get(k));
                }
                points.add(p);
            }
        }
        return Hypervolume.of(points, reference);
    }

    private static JsonNode reference() {
        try (InputStream in = B8MultiObjective.class.getResourceAsStream("/optuna-4.9-multiobjective.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] perSeed(JsonNode reference, String key, int seeds) {
        JsonNode runs = reference.path("raw").path(key);
        double[] values = new double[Math.min(seeds, runs.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = runs.get(i).path("hv200").asDouble();
        }
        return values;
    }

    private static double[] values(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String plain(double value) {
        return ResultLine.plain(value, 3);
    }
}
