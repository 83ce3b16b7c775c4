package dev.tune.bench;

import dev.tune.bench.B5Pruning.Budget;
import dev.tune.bench.B5Pruning.Method;
import dev.tune.bench.B5Pruning.RunFigures;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints B5's figures as BENCHMARKS.md's Optuna tables do (median [IQR] over seeds, one table per
 * mode), then the comparisons with Optuna 4.9 and the {@code RESULT} lines, which carry mode B.
 */
final class B5Report {

    /** Optuna's medians from BENCHMARKS.md: regret and s/run (a mean over seeds) in modes A and B. */
    private record Optuna(double regretA, double secondsA, double regretB, double secondsB) {
    }

    private static final Map<String, Optuna> OPTUNA = Map.of(
            "random_nopruning", new Optuna(0.0069, 0.89, 0.0069, 0.60),
            "random_sha", new Optuna(0.0205, 0.24, 0.0156, 12.85),
            "random_hyperband", new Optuna(0.0141, 0.76, 0.0056, 7.60),
            "tpe_hyperband", new Optuna(0.0095, 3.98, 0.0025, 33.38),
            "tpe_median", new Optuna(0.0103, 4.08, 0.0098, 68.44));
    /** BENCHMARKS.md: pruning methods at parity when their mode B regret is at most Optuna's random_hyperband. */
    private static final String BAR = "random_hyperband";
    private static final double OVERHEAD_GOAL = 5;

    private B5Report() {
    }

    /** Prints tables and comparisons; returns the RESULT lines (mode B). */
    static List<String> print(Map<String, List<RunFigures>> figures, PrintStream out) {
        for (Budget budget : Budget.values()) {
            out.printf("%nB5 mode %s: %s. Cells: median [IQR] over seeds; s/run: mean over seeds, as Optuna's column%n",
                    budget, budget.description);
            out.println("| method | seeds | best obs | true | regret (true - opt) | epochs | trials | completed"
                    + " | s/run |");
            out.println("|---|---:|---|---|---|---:|---:|---:|---:|");
            for (Method method : B5Pruning.METHODS) {
                if (!figures.containsKey(B5Pruning.key(method, budget))) {
                    continue;
                }
                List<RunFigures> runs = figures.get(B5Pruning.key(method, budget));
                out.printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s |%n", method.id(), runs.size(),
                        cell(runs, RunFigures::bestObserved, 4), cell(runs, RunFigures::trueFinal, 4),
                        cell(runs, RunFigures::regret, 4), cell(runs, RunFigures::epochs, 0),
                        cell(runs, RunFigures::trials, 0), cell(runs, RunFigures::completed, 0),
                        ResultLine.plain(Stats.mean(values(runs, RunFigures::seconds)), 4));
            }
        }
        out.println();
        List<String> results = new ArrayList<>();
        for (Method method : B5Pruning.METHODS) {
            if (!figures.containsKey(B5Pruning.key(method, Budget.B))) {
                continue;
            }
            Optuna optuna = OPTUNA.get(method.optunaId());
            List<RunFigures> a = figures.get(B5Pruning.key(method, Budget.A));
            List<RunFigures> b = figures.get(B5Pruning.key(method, Budget.B));
            double regret = median(b, RunFigures::regret);
            boolean exact = b.stream().allMatch(r -> r.epochs() == B5Pruning.MODE_B_EPOCHS);
            int errors = b.stream().mapToInt(RunFigures::errors).sum() + a.stream().mapToInt(RunFigures::errors).sum();
            out.printf("B5 %s mode B: median regret %s against Optuna %s %s%s; 8,100 epochs in every run: %s%s%n",
                    method.id(), ResultLine.plain(regret, 4), method.optunaId(), ResultLine.plain(optuna.regretB(), 4),
                    method.id().equals("random_nopruning") ? " (no pruning: a sanity check, same distribution)"
                            : parity(regret, optuna.regretB()) + "; against the bar, Optuna " + BAR + " "
                            + ResultLine.plain(OPTUNA.get(BAR).regretB(), 4)
                            + parity(regret, OPTUNA.get(BAR).regretB()),
                    exact ? "yes" : "NO", errors == 0 ? "" : " (ENGINE: " + errors + " trial errors)");
            overhead(out, method, "A", a, optuna.secondsA());
            overhead(out, method, "B", b, optuna.secondsB());
            String trials = count(median(b, RunFigures::trials));
            String epochs = count(median(b, RunFigures::epochs));
            results.add("RESULT B5 " + method.id() + " median_regret=" + ResultLine.plain(regret, 6) + " epochs="
                    + epochs + " trials=" + trials);
        }
        out.println("Note: tune's Random search is seeded differently from Optuna's, so regrets compare statistically,"
                + " not run by run; Optuna's SHA also prunes at rung 81, so its trials that spend 81 epochs do not all"
                + " count as completed, while tune's ASHA ends every trial that reaches epoch 81 as completed.");
        return results;
    }

    private static void overhead(PrintStream out, Method method, String mode, List<RunFigures> runs,
            double optunaSeconds) {
        double mean = Stats.mean(values(runs, RunFigures::seconds));
        double ratio = optunaSeconds / mean;
        out.printf("  wall/run mode %s: %s s (mean; median %s s) against Optuna %s %s s/run: %sx faster, goal at least"
                + " %sx: %s%n", mode, ResultLine.plain(mean, 4), ResultLine.plain(median(runs, RunFigures::seconds), 4),
                method.optunaId(), ResultLine.plain(optunaSeconds, 2), ResultLine.plain(ratio, 1),
                ResultLine.plain(OVERHEAD_GOAL, 0), ratio >= OVERHEAD_GOAL ? "met" : "MISSED");
    }

    private static String parity(double regret, double optuna) {
        return regret <= optuna ? " (at or below: met)" : " (above: MISSED)";
    }

    /** Median [IQR] over the runs whose value is a number; notes how many had none. */
    private static String cell(List<RunFigures> runs, Figure field, int places) {
        double[] v = values(runs, field);
        if (v.length == 0) {
            return "none";
        }
        String text = ResultLine.plain(Stats.median(v), places) + " [" + ResultLine.plain(Stats.iqr(v), places) + "]";
        return v.length == runs.size() ? text : text + " (" + (runs.size() - v.length) + " runs without)";
    }

    private static double median(List<RunFigures> runs, Figure field) {
        double[] v = values(runs, field);
        return v.length == 0 ? Double.NaN : Stats.median(v);
    }

    private static double[] values(List<RunFigures> runs, Figure field) {
        double[] values = new double[runs.size()];
        int n = 0;
        for (RunFigures run : runs) {
            double value = field.of(run);
            if (Double.isFinite(value)) {
                values[n++] = value;
            }
        }
        return Arrays.copyOf(values, n);
    }

    /** A median count: a whole number, or with one decimal when it falls between two. */
    private static String count(double median) {
        return median == Math.rint(median) ? Long.toString((long) median) : ResultLine.plain(median, 1);
    }

    /** One figure of a run, e.g. its regret. */
    @FunctionalInterface
    private interface Figure {
        double of(RunFigures run);
    }
}
