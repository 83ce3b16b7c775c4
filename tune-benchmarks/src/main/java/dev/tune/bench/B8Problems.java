package dev.tune.bench;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** B8's problems, as BENCHMARKS.md defines them: six variables in [0, 1], every objective minimised. */
final class B8Problems {

    private B8Problems() {
    }

    @Trainable(name = "zdt1", metric = {"f1", "f2"}, mode = {Mode.MIN, Mode.MIN})
    static Map<String, Double> zdt1(@Uniform(lower = 0, upper = 1) double x1, @Uniform(lower = 0, upper = 1) double x2,
            @Uniform(lower = 0, upper = 1) double x3, @Uniform(lower = 0, upper = 1) double x4,
            @Uniform(lower = 0, upper = 1) double x5, @Uniform(lower = 0, upper = 1) double x6) {
        double g = 1 + 9 * (x2 + x3 + x4 + x5 + x6) / 5;
        return Map.of("f1", x1, "f2", g * (1 - Math.sqrt(x1 / g)));
    }

    @Trainable(name = "zdt2", metric = {"f1", "f2"}, mode = {Mode.MIN, Mode.MIN})
    static Map<String, Double> zdt2(@Uniform(lower = 0, upper = 1) double x1, @Uniform(lower = 0, upper = 1) double x2,
            @Uniform(lower = 0, upper = 1) double x3, @Uniform(lower = 0, upper = 1) double x4,
            @Uniform(lower = 0, upper = 1) double x5, @Uniform(lower = 0, upper = 1) double x6) {
        double g = 1 + 9 * (x2 + x3 + x4 + x5 + x6) / 5;
        return Map.of("f1", x1, "f2", g * (1 - Math.pow(x1 / g, 2)));
    }

    @Trainable(name = "dtlz2", metric = {"f1", "f2", "f3"}, mode = {Mode.MIN, Mode.MIN, Mode.MIN})
    static Map<String, Double> dtlz2(@Uniform(lower = 0, upper = 1) double x1, @Uniform(lower = 0, upper = 1) double x2,
            @Uniform(lower = 0, upper = 1) double x3, @Uniform(lower = 0, upper = 1) double x4,
            @Uniform(lower = 0, upper = 1) double x5, @Uniform(lower = 0, upper = 1) double x6) {
        double g = Math.pow(x3 - 0.5, 2) + Math.pow(x4 - 0.5, 2) + Math.pow(x5 - 0.5, 2) + Math.pow(x6 - 0.5, 2);
        double h = Math.PI / 2;
        return Map.of("f1", (1 + g) * Math.cos(x1 * h) * Math.cos(x2 * h),
                "f2", (1 + g) * Math.cos(x1 * h) * Math.sin(x2 * h), "f3", (1 + g) * Math.sin(x1 * h));
    }
}
