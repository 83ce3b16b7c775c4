package dev.tune.run.examples;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.Map;

/** Functions the resume tests run twice, whole and in two parts: a curve, bowls of one and two objectives. */
public final class Replayed {

    private Replayed() {
    }

    @Trainable(metric = "loss")
    static void curve(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        for (int t = 1; t <= 3; t++) {
            context.report("loss", x / t);
        }
    }

    @Trainable(metric = "loss")
    static void bowl(@Uniform(lower = -5, upper = 5) double x, @Uniform(lower = -5, upper = 5) double y,
            TrialContext context) {
        context.report("loss", (x - 1) * (x - 1) + (y + 2) * (y + 2));
    }

    @Trainable(metric = {"a", "b"}, mode = {Mode.MIN, Mode.MIN})
    static Map<String, Double> twoBowls(@Uniform(lower = -5, upper = 5) double x,
            @Uniform(lower = -5, upper = 5) double y) {
        return Map.of("a", (x - 1) * (x - 1) + y * y, "b", (x + 1) * (x + 1) + y * y);
    }

    @Trainable(metric = "loss")
    static void bowlOverTime(@Uniform(lower = -5, upper = 5) double x, @Uniform(lower = -5, upper = 5) double y,
            TrialContext context) {
        for (int t = 1; t <= 9; t++) {
            context.report("loss", (x - 1) * (x - 1) + (y + 2) * (y + 2) + 3.0 / t);
        }
    }
}
