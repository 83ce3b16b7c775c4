package dev.tune.run.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Names no metric and reports a loss and a throughput only. */
@Trainable(samples = 3)
public class OnlyLoss {
    @Uniform(lower = 0, upper = 1)
    double x;

    @Step
    Map<String, Object> step() {
        return Map.of("loss", x, "train_samples_per_second", 100.0, "done", true);
    }
}
