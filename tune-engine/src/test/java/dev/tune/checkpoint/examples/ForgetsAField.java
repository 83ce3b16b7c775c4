package dev.tune.checkpoint.examples;

import dev.tune.Checkpoint;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Leaves its momentum out of the checkpoint: the save-restore check catches it. */
@Trainable(metric = "loss")
public class ForgetsAField {
    @Uniform(lower = 0, upper = 1)
    double lr;
    @Checkpoint
    double weight = 3;
    double momentum;

    @Step
    double step() {
        momentum = 0.9 * momentum + lr;
        weight -= momentum;
        return weight * weight;
    }
}
