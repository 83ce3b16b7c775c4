package dev.tune.store.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.Map;

/** Five trials that each report a loss and an accuracy fourteen times: a journal with something to summarise. */
public final class Curve {

    private Curve() {
    }

    @Trainable(metric = "loss", samples = 5)
    static void curve(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        for (int i = 1; i <= 14; i++) {
            context.report(Map.of("loss", x / i + (i % 3) * 0.01, "acc", 1 - x / i));
        }
    }
}
