package dev.tune.bench;

import dev.tune.trainable.Experiment;
import java.io.PrintStream;

/**
 * B7's CPU-bound ceiling for the TPE rows, as BENCHMARKS.md defines it: TPE's time per suggestion
 * at 2,000 trials (B1's no-op trials, one at a time, in this JVM, over the last 10% of the trials)
 * x 2,000 trials / 2 cores, against a row's ideal wall time. Below the ideal, the suggestions alone
 * do not bound the row; the ratio ideal / ceiling is then above 1.
 */
final class B7Ceiling {

    private static final int WARM_UP_RUNS = 2;
    private static final int WARM_UP_TRIALS = 300;
    private static final int CORES = 2;

    /** TPE's ms per suggestion at {@code trials} trials, timed once after a warm-up. */
    private final double msPerSuggestion;
    private final int trials;

    private B7Ceiling(double msPerSuggestion, int trials) {
        this.msPerSuggestion = msPerSuggestion;
        this.trials = trials;
    }

    /** Times TPE over {@code trials} trials in this JVM and says what it found. */
    static B7Ceiling measure(int trials, PrintStream out) {
        Experiment experiment = B1Random.experiment();
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            B1Random.once(experiment, "tpe", WARM_UP_TRIALS, -1 - i);
        }
        B1Random.Run run = B1Random.once(experiment, "tpe", trials, 0);
        out.printf("B7 TPE ceiling: %s ms per suggestion over the last 10%% of %,d trials (this JVM); x %,d / %d cores"
                + " = %s s of suggestions%n", ResultLine.plain(run.lastMs(), 3), trials, trials, CORES,
                ResultLine.plain(run.lastMs() * trials / CORES / 1000, 2));
        return new B7Ceiling(run.lastMs(), trials);
    }

    /** The ceiling in seconds: the suggestions' CPU time spread over the cores. */
    double seconds() {
        return msPerSuggestion * trials / CORES / 1000;
    }

    /** One line for a row: its wall time and ideal against the ceiling. */
    String against(double ideal, double wall) {
        return "TPE's CPU-bound ceiling " + ResultLine.plain(seconds(), 2) + " s against the ideal "
                + ResultLine.plain(ideal, 2) + " s (the suggestions alone allow " + ResultLine.plain(
                Math.min(1, ideal / seconds()), 3) + " of the ideal); the run took " + ResultLine.plain(wall, 2)
                + " s, " + ResultLine.plain(wall / Math.max(ideal, seconds()), 2) + "x the larger of the two";
    }
}
