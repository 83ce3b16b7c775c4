package dev.tune.run.examples;

import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.Step;
import dev.tune.Trainable;

/** Under PBT, but nothing is checkpointed: PBT cannot copy its state. */
@Trainable(metric = "acc", mode = Mode.MAX, scheduler = "pbt(perturbationInterval=3,mutations=lr)")
public class Forgetful {
    @LogUniform(lower = 0.001, upper = 1)
    double lr;

    @Step
    double step() {
        return lr;
    }
}
