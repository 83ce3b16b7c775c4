package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** A number of samples that means nothing: refused when the class is read. */
public final class MinusTwoSamples {

    private MinusTwoSamples() {
    }

    @Trainable(metric = "loss", samples = -2)
    public static void bowl(@Uniform(lower = -5, upper = 5) double x, TrialContext context) {
        context.report("loss", x * x);
    }
}
