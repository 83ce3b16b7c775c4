package dev.tune.search.tpe.examples;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Experiment {@code constrained}: ZDT1 in three variables, feasible only where x1 + x2 is at most 0.6. */
public final class Constrained {

    private Constrained() {
    }

    @Trainable(name = "constrained", metric = {"f1", "f2"}, mode = {Mode.MIN, Mode.MIN}, constraints = "too_far")
    static Map<String, Double> constrained(@Uniform(lower = 0, upper = 1) double x1,
            @Uniform(lower = 0, upper = 1) double x2, @Uniform(lower = 0, upper = 1) double x3) {
        double g = 1 + 9 * (x2 + x3) / 2;
        return Map.of("f1", x1, "f2", g * (1 - Math.sqrt(x1 / g)), "too_far", x1 + x2 - 0.6);
    }
}
