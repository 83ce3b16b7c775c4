package dev.tune.checkpoint.examples;

import dev.tune.Checkpoint;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Checkpoints all of its state: the save-restore check passes it. */
@Trainable(metric = "loss")
public class Complete {
    @Uniform(lower = 0, upper = 1)
    double lr;
    @Checkpoint
    double weight = 3;
    @Checkpoint
    int step;

    @Step
    Map<String, Double> step() {
        weight -= lr * weight;
        step++;
        return Map.of("loss", weight * weight, "step", (double) step);
    }
}
