package dev.tune.process.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** A Class API trainable whose state lives only in its instance: no checkpoint members. */
@Trainable(metric = "loss", samples = 2)
public class Stateful {
    @Uniform(lower = 0, upper = 1)
    double x;
    int steps;

    @Step
    double step() {
        return x / ++steps;
    }
}
