package dev.tune.run.examples;

import dev.tune.Step;
import dev.tune.Trainable;

/** Three trials that never end by themselves: a loss of 1/n at step n, for ever. */
@Trainable(metric = "loss", samples = 3)
public class Endless {
    int step;

    @Step
    double step() {
        return 1.0 / ++step;
    }
}
