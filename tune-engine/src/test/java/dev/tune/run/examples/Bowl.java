package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Two numbers and a loss least at (1, -2): on a dozen trials, {@code auto} gives it Gaussian-process search. */
public final class Bowl {

    private Bowl() {
    }

    @Trainable(metric = "loss", samples = 12)
    public static void bowl(@Uniform(lower = -5, upper = 5) double x, @Uniform(lower = -5, upper = 5) double y,
            TrialContext context) {
        context.report("loss", (x - 1) * (x - 1) + (y + 2) * (y + 2));
    }
}
