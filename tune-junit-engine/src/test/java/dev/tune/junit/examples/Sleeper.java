package dev.tune.junit.examples;

import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Two trials; the second's step sleeps far past its time limit, and honours the interrupt. */
public final class Sleeper {

    private Sleeper() {
    }

    @Trainable(metric = "loss", samples = 2, maxConcurrentTrials = 1)
    @Stop(trialSeconds = 0.2)
    public static void sleeper(@Uniform(lower = 0, upper = 1) double x, TrialContext context)
            throws InterruptedException {
        if (context.trialId().endsWith("2")) {
            Thread.sleep(60_000);
        }
        context.report("loss", x);
    }
}
