package dev.tune.trainable.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Invalid: a domain annotation on a static field. */
@Trainable
public class StaticField {
    @Uniform(lower = 0, upper = 1)
    static double lr;

    @Step
    double step() {
        return lr;
    }
}
