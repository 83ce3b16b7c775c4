package dev.tune.bench;

import java.util.List;

/**
 * The figures of one side of B4W's comparison (one process with parallel trials, or workers
 * sharing one experiment) for one function and searcher, filled in seed by seed: regrets after
 * 25, 50 and 100 trials in trial-number order, wall seconds per run, and how many trials ran at
 * once on average ({@link B4Trial#concurrency}).
 */
final class B4Arm {

    private final double[][] regrets;
    private final double[] seconds;
    private final double[] concurrency;
    private int problems;

    B4Arm(int seeds) {
        regrets = new double[B4Reference.CHECKPOINTS.length][seeds];
        seconds = new double[seeds];
        concurrency = new double[seeds];
    }

    /**
     * Records the run of {@code seed}. A run is a problem (counted, and named in the output) unless
     * it holds exactly {@link B4Protocol#BUDGET} trials, each with a value.
     */
    void record(int seed, List<B4Trial> trials, double wallSeconds, double optimum) {
        double[] r = B4Trial.regrets(trials, optimum);
        for (int c = 0; c < r.length; c++) {
            regrets[c][seed] = r[c];
        }
        seconds[seed] = wallSeconds;
        concurrency[seed] = B4Trial.concurrency(trials);
        if (trials.size() != B4Protocol.BUDGET || trials.stream().anyMatch(t -> Double.isNaN(t.value()))) {
            problems++;
        }
    }

    /** The regrets after {@code k} trials, one per seed (a copy). */
    double[] at(int k) {
        for (int c = 0; c < B4Reference.CHECKPOINTS.length; c++) {
            if (B4Reference.CHECKPOINTS[c] == k) {
                return regrets[c].clone();
            }
        }
        throw new IllegalArgumentException("no checkpoint at " + k);
    }

    double meanSeconds() {
        return Stats.mean(seconds);
    }

    double meanConcurrency() {
        return Stats.mean(concurrency);
    }

    /** Runs without {@link B4Protocol#BUDGET} valued trials. */
    int problems() {
        return problems;
    }
}
