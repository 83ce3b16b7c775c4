package dev.tune.samples;

import dev.tune.Mode;
import dev.tune.Seed;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/**
 * Sample 8: the median stopping rule.
 *
 * <p>Ray's {@code MedianStoppingRule}: once a trial is past the grace period, it stops when its
 * best score so far is worse than the median of the running averages that completed trials had at
 * the same point. Nothing is stopped until {@code minSamplesRequired} trials have completed, so
 * the first trials set the bar. Here, with one trial at a time, the weak configurations of the 20
 * stop soon after the grace period of 5 iterations.
 */
public final class TuneSample_08_MedianStopping {

    private TuneSample_08_MedianStopping() {
    }

    @Trainable(name = "median-stopping", metric = "accuracy", mode = Mode.MAX, samples = 20,
            maxConcurrentTrials = 1,
            scheduler = "median(timeAttr=training_iteration,gracePeriod=5,minSamplesRequired=3)")
    @Seed(8)
    static void train(@Uniform(lower = 0, upper = 1) double quality, TrialContext context) {
        for (int epoch = 1; epoch <= 30; epoch++) {
            context.report("accuracy", quality * (1 - Math.exp(-epoch / 5.0)));
        }
    }
}
