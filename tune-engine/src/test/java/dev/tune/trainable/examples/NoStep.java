package dev.tune.trainable.examples;

import dev.tune.Trainable;
import dev.tune.Uniform;

/** Invalid: a class trainable without a {@code @Step} method. */
@Trainable
public class NoStep {
    @Uniform(lower = 0, upper = 1)
    double lr;
}
