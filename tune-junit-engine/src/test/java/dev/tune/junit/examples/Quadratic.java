package dev.tune.junit.examples;

import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Tag;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.Verify;
import dev.tune.result.ExperimentResult;
import java.util.Map;

/** A class trainable with 4 samples of 3 iterations each, a tag and a passing verification. */
@Trainable(metric = "loss", samples = 4)
@Stop(maxIterations = 3)
@Seed(1)
@Tag("fast")
public class Quadratic {

    public static volatile boolean verified;

    @Uniform(lower = -10, upper = 10)
    double h;

    int step;

    @Step
    Map<String, Double> step() {
        step++;
        return Map.of("loss", (h - 3) * (h - 3) / step);
    }

    @Verify
    static void bestIsFinite(ExperimentResult result) {
        verified = true;
        if (result.bestTrial().isEmpty()) {
            throw new AssertionError("no best trial");
        }
    }
}
