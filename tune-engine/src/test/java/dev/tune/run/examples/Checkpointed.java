package dev.tune.run.examples;

import dev.tune.Checkpoint;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Under HyperBand, with its state in a checkpointed field: written to a checkpoint when paused. */
@Trainable(metric = "loss", samples = 17, scheduler = "hyperband(maxT=9,reductionFactor=3)")
public class Checkpointed {
    @Uniform(lower = 0, upper = 1)
    double x;
    @Checkpoint
    int steps;

    @Step
    Map<String, Double> step() {
        steps++;
        return Map.of("loss", x + 1.0 / steps, "steps", (double) steps);
    }
}
