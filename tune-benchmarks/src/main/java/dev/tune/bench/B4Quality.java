package dev.tune.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B4, search quality on seven fixed functions: for each function and searcher, seeds 0..19, 100
 * trials each, one at a time, in memory ({@link B4Protocol}); regret after 25, 50 and 100 trials
 * compared with Optuna 4.9's samplers ({@link B4Report}). The functions are checked first
 * ({@link B4FunctionCheck}). Searchers this build of tune does not know yet are skipped with a line.
 */
final class B4Quality {

    /** The searchers B4 runs unless the command line names others. */
    static final List<String> DEFAULT_SEARCHERS = List.of("auto", "tpe", "tpe_multivariate", "cmaes", "random");
    private static final long WARM_UP_SEED = 1_000;
    private static final int WARM_UP_RUNS = 3;

    private B4Quality() {
    }

    /** Checks the functions, warms up, runs every available searcher on every function; returns the RESULT lines. */
    static List<String> run(int repeats, List<String> searchers, PrintStream out) {
        B4Reference reference = B4Reference.load();
        out.println(B4FunctionCheck.run(reference));
        out.println("B4: " + B4Function.values().length + " functions, parameters x0..x{d-1} (mixed: c, n, x, y)"
                + " suggested in order; budget " + B4Protocol.BUDGET + " trials; seeds 0.." + (B4Reference.SEEDS - 1)
                + "; one trial at a time; in memory, verbose 0; regret@k = best value among trials 1..k minus f*");
        out.println("  reference: " + reference.environment() + " (optuna-4.9-reference.json, quality.raw)");
        List<String> available = new ArrayList<>();
        for (String searcher : searchers) {
            if (AvailableSearchers.has(searcher)) {
                available.add(searcher);
            } else {
                out.println("B4 searcher " + searcher + ": not available yet");
            }
        }
        if (available.isEmpty()) {
            out.println("B4: no searcher to run");
            return List.of();
        }
        out.printf("B4 warm-up: every searcher and function %d times, seeds %d..%d%n", WARM_UP_RUNS, WARM_UP_SEED,
                WARM_UP_SEED + WARM_UP_RUNS - 1);
        for (String searcher : available) {
            for (B4Function function : B4Function.values()) {
                var experiment = B4Trainables.experiment(function);
                for (int i = 0; i < WARM_UP_RUNS; i++) {
                    B4Protocol.once(experiment, function, searcher, WARM_UP_SEED + i);
                }
            }
        }
        Map<String, Map<B4Function, B4Protocol.Figures>> figures = new LinkedHashMap<>();
        int differing = 0;
        int problems = 0;
        for (String searcher : available) {
            Map<B4Function, B4Protocol.Figures> bySearcher = new LinkedHashMap<>();
            for (B4Function function : B4Function.values()) {
                long start = System.nanoTime();
                B4Protocol.Figures f = B4Protocol.run(function, searcher, B4Reference.SEEDS, repeats);
                out.printf("  B4 %s %s: %d seeds x %d run(s) in %s s%s%n", searcher, function.id(), B4Reference.SEEDS,
                        repeats, ResultLine.plain((System.nanoTime() - start) / 1e9, 1),
                        f.problems() == 0 ? "" : " (ENGINE: " + f.problems() + " runs without 100 valued trials)");
                differing += f.differing();
                problems += f.problems();
                bySearcher.put(function, f);
            }
            figures.put(searcher, bySearcher);
        }
        out.printf("B4: %d searcher(s) x %d functions x %d seeds, each run %d time(s), wall per run the median of them;"
                + " repeats with other regrets: %d%s%s%n", available.size(), B4Function.values().length,
                B4Reference.SEEDS, repeats, differing,
                differing == 0 ? " (runs are reproducible from their seed)"
                        : " (NOT REPRODUCIBLE: figures from repeat 1)",
                problems == 0 ? "" : "; ENGINE PROBLEMS in " + problems + " runs");
        return B4Report.print(reference, figures, out);
    }
}
