package dev.tune.report.dashboard.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Three quick trials of experiment {@code served}: something for the dashboard to serve. */
public final class Served {

    private Served() {
    }

    @Trainable(name = "served", metric = "loss", samples = 3)
    static void train(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        context.report("loss", x * x);
    }
}
