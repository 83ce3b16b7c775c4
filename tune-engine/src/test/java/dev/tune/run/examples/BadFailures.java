package dev.tune.run.examples;

import dev.tune.FailureConfig;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Invalid: its {@code @FailureConfig} allows a negative number of failures. */
@Trainable
@FailureConfig(maxFailures = -3)
public class BadFailures {
    @Uniform(lower = 0, upper = 1)
    double x;

    @Step
    double step() {
        return x;
    }
}
