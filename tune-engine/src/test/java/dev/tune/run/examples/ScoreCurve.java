package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Six trials that each report a falling score five times, a millisecond apart: events for callbacks to see. */
public final class ScoreCurve {

    private ScoreCurve() {
    }

    @Trainable(metric = "score", samples = 6)
    static void curve(@Uniform(lower = 0, upper = 1) double x, TrialContext context) throws InterruptedException {
        for (int i = 1; i <= 5; i++) {
            Thread.sleep(1);
            context.report("score", x / i);
        }
    }
}
