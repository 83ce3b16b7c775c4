package dev.tune.bench;

import dev.tune.trainable.Experiment;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * B1's model-based cases: the same no-op objective as {@link B1Random}, one trial at a time, in
 * memory, no console output, with TPE for 1,000 and 2,000 trials (its 10 random start-up trials
 * are the searcher's default) and CMA-ES for 1,000, and on demand ({@code --searchers gp}) the GP
 * searcher for 200 and 500 trials. A model-based searcher's cost per trial grows
 * with the trials it has seen, so ms/trial over the first and last 10% are both reported, and the
 * last 10% at 2,000 against 1,000 trials tells whether that growth stays within n log n. Cases
 * whose searcher this build does not know yet are skipped with a line.
 */
final class B1ModelBased {

    /**
     * One case of BENCHMARKS.md; {@code target} is the speed-up over Optuna asked for, 0 for none;
     * {@code optunaSeconds} NaN where BENCHMARKS.md has no Optuna figure; {@code warmUpTrials} per warm-up run.
     */
    record Case(String searcher, int trials, double optunaSeconds, double optunaLastMs, double target,
            int warmUpTrials) {

        Case(String searcher, int trials, double optunaSeconds, double optunaLastMs, double target) {
            this(searcher, trials, optunaSeconds, optunaLastMs, target, WARM_UP_TRIALS);
        }
    }

    /**
     * BENCHMARKS.md's cases, and gp's (not in BENCHMARKS.md, so without an Optuna figure): its cost per
     * trial grows as n^3 with the trials seen, so 200 and 500 trials show how it scales.
     */
    static final List<Case> CASES = List.of(
            new Case("tpe", 1_000, 11.8, 18.2, 0),
            new Case("tpe", 2_000, 46.0, 36.7, 10),
            new Case("cmaes", 1_000, 2.7, Double.NaN, 0),
            new Case("gp", 200, Double.NaN, Double.NaN, 0, 60),
            new Case("gp", 500, Double.NaN, Double.NaN, 0, 60));
    private static final int WARM_UP_TRIALS = 300;
    private static final int WARM_UP_RUNS = 2;
    /** 2,000 log 2,000 / (1,000 log 1,000) = 2.2: the growth of n log n from 1,000 to 2,000 trials. */
    private static final double N_LOG_N_RATIO = 2.2;

    /** The median figures of one case. */
    private record Figures(double seconds, double firstMs, double lastMs) {
    }

    private B1ModelBased() {
    }

    /** Runs the cases whose searcher is in {@code searchers}; returns their RESULT lines. */
    static List<String> run(int repeats, List<String> searchers, PrintStream out) {
        Experiment experiment = B1Random.experiment();
        List<String> results = new ArrayList<>();
        List<String> warmedUp = new ArrayList<>();
        double lastMs1k = Double.NaN;
        double lastMs2k = Double.NaN;
        for (Case c : CASES) {
            if (!searchers.contains(c.searcher())) {
                continue;
            }
            if (!AvailableSearchers.has(c.searcher())) {
                out.printf("B1 %s trials=%d: not available yet (searcher '%s' unknown to this build)%n", c.searcher(),
                        c.trials(), c.searcher());
                continue;
            }
            if (!warmedUp.contains(c.searcher())) {
                out.printf("B1 %s: warm-up, %d runs of %,d trials%n", c.searcher(), WARM_UP_RUNS, c.warmUpTrials());
                for (int i = 0; i < WARM_UP_RUNS; i++) {
                    B1Random.Run warmUp = B1Random.once(experiment, c.searcher(), c.warmUpTrials(), -1 - i);
                    out.printf("  warm-up: %s s%n", ResultLine.plain(warmUp.seconds(), 3));
                }
                warmedUp.add(c.searcher());
            }
            Figures f = timed(experiment, c, repeats, out);
            if (c.searcher().equals("tpe") && c.trials() == 1_000) {
                lastMs1k = f.lastMs();
            } else if (c.searcher().equals("tpe") && c.trials() == 2_000) {
                lastMs2k = f.lastMs();
            }
            results.add(ResultLine.of("B1", c.searcher()).count("trials", c.trials()).decimal("seconds", f.seconds(), 3)
                    .decimal("trials_per_s", c.trials() / f.seconds(), 1).toString());
        }
        if (Double.isFinite(lastMs1k) && Double.isFinite(lastMs2k)) {
            double ratio = lastMs2k / lastMs1k;
            out.printf("B1 tpe growth: ms/trial over the last 10%%, 2,000 trials against 1,000: %s / %s = %sx; n log n"
                    + " allows about %sx: %s%n", ResultLine.plain(lastMs2k, 4), ResultLine.plain(lastMs1k, 4),
                    ResultLine.plain(ratio, 2), ResultLine.plain(N_LOG_N_RATIO, 1),
                    ratio <= N_LOG_N_RATIO ? "within n log n" : "FASTER GROWTH than n log n");
        } else if (searchers.contains("tpe") && AvailableSearchers.has("tpe")) {
            out.println("B1 tpe growth: not assessed (ms/trial over the last 10% missing for 1,000 or 2,000 trials)");
        }
        return results;
    }

    private static Figures timed(Experiment experiment, Case c, int repeats, PrintStream out) {
        double[] seconds = new double[repeats];
        double[] first = new double[repeats];
        double[] last = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            B1Random.Run run = B1Random.once(experiment, c.searcher(), c.trials(), i);
            seconds[i] = run.seconds();
            first[i] = run.firstMs();
            last[i] = run.lastMs();
            out.printf("  %s %,d repeat %d: %s s, %s trials/s, ms/trial first 10%% %s, last 10%% %s%s%n", c.searcher(),
                    c.trials(), i + 1, ResultLine.plain(run.seconds(), 3),
                    ResultLine.plain(c.trials() / run.seconds(), 1), ResultLine.plain(run.firstMs(), 4),
                    ResultLine.plain(run.lastMs(), 4), run.problem());
        }
        Figures f = new Figures(Stats.median(seconds), Stats.median(first), Stats.median(last));
        if (Double.isNaN(c.optunaSeconds())) {
            out.printf("B1 %s %,d trials, median of %d: %s s, %s trials/s, ms/trial first 10%% %s, last 10%% %s"
                    + " (no Optuna figure in BENCHMARKS.md)%n", c.searcher(), c.trials(), repeats,
                    ResultLine.plain(f.seconds(), 3), ResultLine.plain(c.trials() / f.seconds(), 1),
                    ResultLine.plain(f.firstMs(), 4), ResultLine.plain(f.lastMs(), 4));
            return f;
        }
        double ratio = c.optunaSeconds() / f.seconds();
        out.printf("B1 %s %,d trials, median of %d: %s s, %s trials/s, ms/trial first 10%% %s, last 10%% %s%n",
                c.searcher(), c.trials(), repeats, ResultLine.plain(f.seconds(), 3),
                ResultLine.plain(c.trials() / f.seconds(), 1), ResultLine.plain(f.firstMs(), 4),
                ResultLine.plain(f.lastMs(), 4));
        out.printf("  against Optuna %s %,d trials (%s s%s): %sx faster%s%n", c.searcher(), c.trials(),
                ResultLine.plain(c.optunaSeconds(), 1), Double.isNaN(c.optunaLastMs()) ? ""
                        : ", last 10%: " + ResultLine.plain(c.optunaLastMs(), 1) + " ms/trial",
                ResultLine.plain(ratio, 1), c.target() > 0 ? ", target at least " + ResultLine.plain(c.target(), 0)
                        + "x: " + (ratio >= c.target() ? "met" : "MISSED") : "");
        return f;
    }
}
