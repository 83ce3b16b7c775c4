package dev.tune.run.examples;

import dev.tune.Checkpoint;
import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.Setup;
import dev.tune.Step;
import dev.tune.Trainable;
import java.util.Map;

/** Under PBT: gains most per step near lr = 0.1; remembers, in its checkpoint, the lr its lineage started with. */
@Trainable(metric = "acc", mode = Mode.MAX, samples = 4,
        scheduler = "pbt(timeAttr=training_iteration,perturbationInterval=3,quantileFraction=0.25,mutations=lr)")
public class Toy {
    @LogUniform(lower = 0.001, upper = 1)
    double lr;
    @Checkpoint
    double acc;
    @Checkpoint
    int steps;
    @Checkpoint
    double origin;

    @Setup
    void setup() {
        origin = lr;
    }

    @Step
    Map<String, Double> step() {
        steps++;
        acc += 1 / (1 + Math.abs(Math.log10(lr / 0.1)));
        return Map.of("acc", acc, "steps", (double) steps, "origin", origin, "lr", lr);
    }
}
