package dev.tune.run.examples;

import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** {@link Bowl} with no limit on trials: its time budget ends it, as Ray's {@code num_samples=-1}. */
public final class UnboundedBowl {

    private UnboundedBowl() {
    }

    @Trainable(metric = "loss", samples = -1)
    @Stop(timeBudgetSeconds = 0.3)
    public static void bowl(@Uniform(lower = -5, upper = 5) double x, TrialContext context) {
        context.report("loss", (x - 1) * (x - 1));
    }
}
