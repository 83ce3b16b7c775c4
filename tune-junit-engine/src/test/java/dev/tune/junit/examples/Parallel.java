package dev.tune.junit.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Eight trials that overlap in time, each reporting three results. */
public class Parallel {

    @Trainable(metric = "score", samples = 8, maxConcurrentTrials = 4)
    static void overlapping(@Uniform(lower = 0, upper = 1) double x, TrialContext context) throws InterruptedException {
        for (int i = 1; i <= 3; i++) {
            Thread.sleep(5);
            context.report("score", x * i);
        }
    }
}
