package dev.tune.run.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Eighteen trials of a loss that falls with every step: enough to fill HyperBand's and ASHA's brackets. */
@Trainable(metric = "loss", samples = 18)
public class Curve {
    @Uniform(lower = 0, upper = 1)
    double x;
    int steps;

    @Step
    Map<String, Double> step() {
        steps++;
        return Map.of("loss", x + 1.0 / steps);
    }
}
