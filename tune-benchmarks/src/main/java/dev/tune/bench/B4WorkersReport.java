package dev.tune.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints B4W's figures: per searcher a table of both sides (median [IQR] / mean regret after 25,
 * 50 and 100 trials, trials running at once, seconds per run), a verdict per function, how many
 * functions are at parity, and the {@code RESULT} lines:
 * <pre>{@code
 * RESULT B4W <searcher> <function> parallel=<median> workers=<median> p=<p> parity=<yes|no>
 * RESULT B4W <searcher> all parity_on=<n> functions=7
 * }</pre>
 * Parity is B4's rule with the workers as the new side ({@link B4Report#parity}): the two-sided
 * Mann-Whitney p-value of the 20 regrets after 100 trials is at least 0.05, or the workers' median
 * is lower.
 */
final class B4WorkersReport {

    private B4WorkersReport() {
    }

    /** {@code figures}: per searcher and function, the parallel side then the workers' side. */
    static List<String> print(Map<String, Map<B4Function, B4Arm[]>> figures, int workers, PrintStream out) {
        List<String> results = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (Map.Entry<String, Map<B4Function, B4Arm[]>> entry : figures.entrySet()) {
            String searcher = entry.getKey();
            table(searcher, entry.getValue(), workers, out);
            int atParity = 0;
            for (B4Function function : B4Function.values()) {
                B4Arm[] arms = entry.getValue().get(function);
                double[] parallel = arms[0].at(100);
                double[] shared = arms[1].at(100);
                double parallelMedian = Stats.median(parallel);
                double sharedMedian = Stats.median(shared);
                boolean valued = Arrays.stream(parallel).noneMatch(Double::isNaN)
                        && Arrays.stream(shared).noneMatch(Double::isNaN);
                double p = valued ? MannWhitney.pValue(shared, parallel) : Double.NaN;
                boolean parity = valued && B4Report.parity(p, sharedMedian, parallelMedian);
                atParity += parity ? 1 : 0;
                out.printf("B4W %s %s: median regret@100 %s with %d workers, %s in one process; p = %s, %s%s%n",
                        searcher, function.id(), B4Report.sig(sharedMedian), workers, B4Report.sig(parallelMedian),
                        ResultLine.plain(p, 4), valued ? B4Report.verdict(p, sharedMedian, parallelMedian)
                                : "NOT ASSESSED (runs without 100 valued trials)", problems(arms));
                results.add("RESULT B4W " + searcher + " " + function.id()
                        + " parallel=" + B4Report.decimal(parallelMedian)
                        + " workers=" + B4Report.decimal(sharedMedian) + " p=" + ResultLine.plain(p, 6)
                        + " parity=" + (parity ? "yes" : "no"));
            }
            int n = B4Function.values().length;
            summaries.add(String.format("B4W %s: %d workers at parity with one process of %d parallel trials"
                    + " on %d of %d functions", searcher, workers, workers, atParity, n));
            results.add(ResultLine.of("B4W", searcher + " all").count("parity_on", atParity).count("functions", n)
                    .toString());
        }
        out.println();
        summaries.forEach(out::println);
        out.println("Note: the sides are seeded alike but run trials in a different order (which of the running trials"
                + " ends first differs), so regrets compare statistically (two-sided Mann-Whitney), not seed by seed.");
        return results;
    }

    private static void table(String searcher, Map<B4Function, B4Arm[]> figures, int workers, PrintStream out) {
        out.printf("%nB4W %s. Cells: median [IQR] / mean regret over the seeds; at once: trials running at once on"
                + " average; s/run: mean wall seconds per run%n", searcher);
        out.println("| function | side | @25 | @50 | @100 | at once | s/run |");
        out.println("|---|---|---|---|---|---:|---:|");
        for (B4Function function : B4Function.values()) {
            B4Arm[] arms = figures.get(function);
            String[] sides = {"1 process, " + workers + " parallel", workers + " workers"};
            for (int i = 0; i < arms.length; i++) {
                out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", function.id(), sides[i],
                        B4Report.cell(arms[i].at(25)), B4Report.cell(arms[i].at(50)), B4Report.cell(arms[i].at(100)),
                        ResultLine.plain(arms[i].meanConcurrency(), 2), ResultLine.plain(arms[i].meanSeconds(), 2));
            }
        }
        out.println();
    }

    private static String problems(B4Arm[] arms) {
        int parallel = arms[0].problems();
        int shared = arms[1].problems();
        return parallel + shared == 0 ? ""
                : " (ENGINE: runs without 100 valued trials: " + parallel + " in one process, "
                + shared + " with workers)";
    }
}
