package dev.tune.search.tpe.examples;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Experiment {@code zdt1}: the ZDT1 benchmark of two objectives in four variables. */
public final class Zdt1 {

    private Zdt1() {
    }

    @Trainable(name = "zdt1", metric = {"f1", "f2"}, mode = {Mode.MIN, Mode.MIN})
    static Map<String, Double> zdt1(@Uniform(lower = 0, upper = 1) double x1, @Uniform(lower = 0, upper = 1) double x2,
            @Uniform(lower = 0, upper = 1) double x3, @Uniform(lower = 0, upper = 1) double x4) {
        double g = 1 + 9 * (x2 + x3 + x4) / 3;
        return Map.of("f1", x1, "f2", g * (1 - Math.sqrt(x1 / g)));
    }
}
