package dev.tune.trainable.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Invalid: a {@code @Uniform} whose lower bound is above its upper. */
@Trainable
public class MinNotBelowMax {
    @Uniform(lower = 5, upper = 1)
    double lr;

    @Step
    double step() {
        return lr;
    }
}
