package dev.tune.bench;

import dev.tune.bench.B4Protocol.Figures;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints B4's figures as BENCHMARKS.md's Optuna table does (one table per function, tune's
 * searchers beside Optuna's samplers), then the parity verdicts of the comparison rule, the
 * random-against-random sanity check, and the {@code RESULT} lines.
 *
 * <p>Parity, per BENCHMARKS.md: the two-sided Mann-Whitney p-value of the 20 regrets after 100
 * trials against Optuna's is at least {@value #ALPHA}, or tune's median is lower. The best Optuna
 * sampler of a function is the one with the lowest median regret after 100 trials.
 */
final class B4Report {

    static final double ALPHA = 0.05;
    /** The searcher the targets apply to: tune's default. */
    static final String DEFAULT_SEARCHER = "auto";
    private static final int TARGET_TPE = 7;
    private static final int TARGET_BEST = 5;

    private B4Report() {
    }

    /** Prints tables, verdicts and the sanity check; returns the RESULT lines. */
    static List<String> print(B4Reference reference, Map<String, Map<B4Function, Figures>> figures, PrintStream out) {
        for (B4Function function : B4Function.values()) {
            table(reference, figures, function, out);
        }
        out.println();
        List<String> results = new ArrayList<>();
        for (Map.Entry<String, Map<B4Function, Figures>> entry : figures.entrySet()) {
            String searcher = entry.getKey();
            int tpeParity = 0;
            int bestParity = 0;
            for (B4Function function : B4Function.values()) {
                String id = function.id();
                double[] java = entry.getValue().get(function).at(100);
                double median = Stats.median(java);
                double[] tpe = reference.regrets(id, "tpe", 100);
                String best = reference.bestSampler(id);
                double[] bestRegrets = reference.regrets(id, best, 100);
                double pTpe = MannWhitney.pValue(java, tpe);
                double pBest = MannWhitney.pValue(java, bestRegrets);
                boolean atTpe = parity(pTpe, median, Stats.median(tpe));
                boolean atBest = parity(pBest, median, Stats.median(bestRegrets));
                tpeParity += atTpe ? 1 : 0;
                bestParity += atBest ? 1 : 0;
                out.printf("B4 %s %s: median regret@100 %s; against Optuna tpe %s: p = %s, %s; against the best Optuna"
                        + " sampler (%s) %s: p = %s, %s%n", searcher, id, sig(median), sig(Stats.median(tpe)),
                        ResultLine.plain(pTpe, 4), verdict(pTpe, median, Stats.median(tpe)), best,
                        sig(Stats.median(bestRegrets)), ResultLine.plain(pBest, 4),
                        verdict(pBest, median, Stats.median(bestRegrets)));
                results.add("RESULT B4 " + id + " searcher=" + searcher + " median_regret=" + decimal(median)
                        + " optuna_tpe=" + decimal(Stats.median(tpe)) + " p_vs_tpe=" + ResultLine.plain(pTpe, 6)
                        + " optuna_best=" + decimal(Stats.median(bestRegrets))
                        + " p_vs_best=" + ResultLine.plain(pBest, 6));
            }
            int n = B4Function.values().length;
            out.printf("B4 %s: parity with Optuna tpe on %d of %d functions,"
                    + " with the best Optuna sampler on %d of %d%s%n",
                    searcher, tpeParity, n, bestParity, n, searcher.equals(DEFAULT_SEARCHER)
                            ? "; target (the default searcher): " + TARGET_TPE + " of " + n
                            + " and at least " + TARGET_BEST + " of " + n + ": "
                            + (tpeParity >= TARGET_TPE && bestParity >= TARGET_BEST ? "met" : "MISSED")
                            : "");
        }
        if (!figures.containsKey(DEFAULT_SEARCHER)) {
            out.println("B4 targets (the default searcher '" + DEFAULT_SEARCHER
                    + "' at parity with Optuna tpe on 7 of 7 and with the best sampler on at least 5 of 7):"
                    + " not assessed, '" + DEFAULT_SEARCHER + "' did not run");
        }
        sanity(reference, figures.get("random"), out);
        out.println("Note: tune's searchers are seeded differently from Optuna's samplers, so regrets compare"
                + " statistically (Mann-Whitney, two-sided, asymptotic with tie and continuity corrections, as scipy),"
                + " not seed by seed.");
        return results;
    }

    private static void table(B4Reference reference, Map<String, Map<B4Function, Figures>> figures, B4Function function,
            PrintStream out) {
        String id = function.id();
        out.printf("%nB4 %s (f* = %s). Cells: median [IQR] / mean over seeds 0..19; s/run: mean over seeds%n", id,
                function.optimum());
        out.println("| searcher | @25 | @50 | @100 | s/run |");
        out.println("|---|---|---|---|---:|");
        for (Map.Entry<String, Map<B4Function, Figures>> entry : figures.entrySet()) {
            Figures f = entry.getValue().get(function);
            out.printf("| tune %s | %s | %s | %s | %s |%n", entry.getKey(), cell(f.at(25)), cell(f.at(50)),
                    cell(f.at(100)), ResultLine.plain(Stats.mean(f.seconds()), 4));
        }
        for (String sampler : B4Reference.SAMPLERS) {
            out.printf("| optuna %s | %s | %s | %s | %s |%n", sampler, cell(reference.regrets(id, sampler, 25)),
                    cell(reference.regrets(id, sampler, 50)), cell(reference.regrets(id, sampler, 100)),
                    ResultLine.plain(Stats.mean(reference.wallSeconds(id, sampler)), 2));
        }
    }

    /** Java random against Optuna random at every checkpoint: both should draw from the same distribution. */
    private static void sanity(B4Reference reference, Map<B4Function, Figures> random, PrintStream out) {
        if (random == null) {
            out.println("B4 sanity check (tune random against Optuna random): not run,"
                    + " random was not among the searchers");
            return;
        }
        int same = 0;
        for (B4Function function : B4Function.values()) {
            StringBuilder line = new StringBuilder("B4 sanity " + function.id()
                    + ": tune random against Optuna random,");
            double p100 = Double.NaN;
            for (int k : B4Reference.CHECKPOINTS) {
                double p = MannWhitney.pValue(random.get(function).at(k),
                        reference.regrets(function.id(), "random", k));
                line.append(" p@").append(k).append(" = ").append(ResultLine.plain(p, 4));
                p100 = p;
            }
            boolean indistinguishable = p100 >= ALPHA;
            same += indistinguishable ? 1 : 0;
            out.println(line.append(": ").append(indistinguishable ? "indistinguishable (p@100 >= 0.05)"
                    : "DIFFERENT (p@100 < 0.05): check the function's definition"));
        }
        int n = B4Function.values().length;
        out.printf("B4 sanity: tune random indistinguishable from Optuna random on %d of %d functions%s%n", same, n,
                same == n ? "" : " (expected " + n + "; at 5% a single miss in 7 happens by chance"
                        + " about 30% of the time, so look at p@25 and p@50 too)");
    }

    static boolean parity(double p, double javaMedian, double optunaMedian) {
        return p >= ALPHA || javaMedian < optunaMedian;
    }

    static String verdict(double p, double javaMedian, double optunaMedian) {
        if (p >= ALPHA) {
            return "parity (no significant difference)";
        }
        return javaMedian < optunaMedian ? "parity (significantly better)" : "MISSED (significantly worse)";
    }

    static String cell(double[] values) {
        return sig(Stats.median(values)) + " [" + sig(Stats.iqr(values)) + "] / " + sig(Stats.mean(values));
    }

    /**
     * Three significant digits as a plain decimal, trailing zeros dropped, integers kept whole (BENCHMARKS.md's
     * cells).
     */
    static String sig(double value) {
        if (!Double.isFinite(value)) {
            return "NaN";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value);
        int places = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(value))));
        BigDecimal rounded = Math.abs(value) >= 1000 ? d.setScale(0, RoundingMode.HALF_EVEN)
                : d.round(new MathContext(3, RoundingMode.HALF_EVEN)).setScale(places, RoundingMode.HALF_EVEN);
        String text = rounded.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A regret for a RESULT line: a plain decimal with at least 6 decimals and 6 significant digits. */
    static String decimal(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return ResultLine.plain(value, 6);
        }
        int places = Math.max(6, 5 - (int) Math.floor(Math.log10(Math.abs(value))));
        return ResultLine.plain(value, places);
    }
}
