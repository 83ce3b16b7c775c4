package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Twenty trials, one at a time, under the ASHA scheduler it declares, of a loss that falls for twenty steps. */
public final class AshaCurve {

    private AshaCurve() {
    }

    @Trainable(metric = "loss", samples = 20, maxConcurrentTrials = 1,
            scheduler = "asha(maxT=9,gracePeriod=1,reductionFactor=3)")
    static void curve(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        for (int t = 1; t <= 20; t++) {
            context.report("loss", x + 1.0 / t);
        }
    }
}
