package dev.tune.samples;

import dev.tune.LogUniform;
import dev.tune.Seed;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/**
 * Sample 5: stopping bad trials early with a scheduler.
 *
 * <p>Each trial trains for up to 81 epochs, and most configurations are visibly worse after a
 * few. {@code scheduler = "asha(...)"} is Ray's asynchronous successive halving: at epochs 1, 3,
 * 9 and 27 a trial goes on only if its loss is in the best third of the trials that reached that
 * epoch before it; the rest stop there. The same budget then explores many more configurations.
 * Stopped trials are not failures: they end as terminated, marked "stopped early" in the summary
 * (and as skipped tests in an IDE). {@code median(gracePeriod=5)} would use Ray's median stopping
 * rule instead.
 */
public final class TuneSample_05_EarlyStopping {

    private TuneSample_05_EarlyStopping() {
    }

    @Trainable(name = "early-stopping", metric = "loss", samples = 40,
            scheduler = "asha(maxT=81,gracePeriod=1,reductionFactor=3)")
    @Seed(5)
    static void train(@LogUniform(lower = 1e-4, upper = 1) double lr, @Uniform(lower = 0, upper = 0.5) double dropout,
            TrialContext context) {
        double floor = 0.05 + 0.04 * Math.pow(Math.log10(lr) + 2.5, 2) + 0.8 * Math.pow(dropout - 0.2, 2);
        double rate = 0.25 * Math.exp(-0.5 * Math.pow(Math.log10(lr) + 2, 2)) * (1 - dropout);
        for (int epoch = 1; epoch <= 81; epoch++) {
            context.report("loss", floor + (2.3 - floor) * Math.exp(-rate * epoch));
        }
    }
}
