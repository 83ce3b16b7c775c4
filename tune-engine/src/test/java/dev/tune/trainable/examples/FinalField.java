package dev.tune.trainable.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Invalid: a domain annotation on a final field. */
@Trainable
public class FinalField {
    @Uniform(lower = 0, upper = 1)
    final double lr = 0.5;

    @Step
    double step() {
        return lr;
    }
}
