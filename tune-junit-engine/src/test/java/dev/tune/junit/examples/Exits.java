package dev.tune.junit.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Three trials; the second calls System.exit(3), which in a child JVM costs only that trial. */
public final class Exits {

    private Exits() {
    }

    @Trainable(metric = "loss", samples = 3, maxConcurrentTrials = 1)
    public static void exits(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        if (context.trialId().endsWith("2")) {
            System.exit(3);
        }
        context.report("loss", x);
    }
}
