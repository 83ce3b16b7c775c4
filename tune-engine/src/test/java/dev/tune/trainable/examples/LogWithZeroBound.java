package dev.tune.trainable.examples;

import dev.tune.LogUniform;
import dev.tune.Step;
import dev.tune.Trainable;

/** Invalid: a {@code @LogUniform} step parameter with a bound of 0. */
@Trainable
public class LogWithZeroBound {
    @Step
    double step(@LogUniform(lower = 0, upper = 1) double lr) {
        return lr;
    }
}
