package dev.tune.run.examples;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Three trials of the function API that each report twenty times. */
public final class Reporting {

    private Reporting() {
    }

    @Trainable(metric = "score", mode = Mode.MAX, samples = 3)
    static void reporting(@Uniform(lower = 0, upper = 1) double a, TrialContext context) {
        for (int x = 0; x < 20; x++) {
            context.report("score", a * Math.sqrt(x) + 4);
        }
    }
}
