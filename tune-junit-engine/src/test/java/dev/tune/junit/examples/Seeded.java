package dev.tune.junit.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.Map;

/** Reports the seed its trial's code gets, so a re-run can be checked against the recorded run. */
public class Seeded {

    @Trainable(metric = "x", samples = 4)
    static Map<String, Double> draw(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        return Map.of("x", x, "seedBits", (double) (context.seed() & 0xFFFF_FFFFL));
    }
}
