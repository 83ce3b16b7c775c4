package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Six trials, one at a time, of which the second and the fourth throw. */
public final class SometimesFails {

    private SometimesFails() {
    }

    @Trainable(metric = "score", samples = 6, maxConcurrentTrials = 1)
    static double sometimesFails(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        if (context.trialId().endsWith("2") || context.trialId().endsWith("4")) {
            throw new IllegalStateException("diverged at x=" + x);
        }
        return x;
    }
}
