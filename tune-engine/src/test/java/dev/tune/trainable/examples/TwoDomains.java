package dev.tune.trainable.examples;

import dev.tune.RandInt;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Invalid: two domain annotations on one field. */
@Trainable
public class TwoDomains {
    @Uniform(lower = 0, upper = 1)
    @RandInt(lower = 0, upper = 10)
    double lr;

    @Step
    double step() {
        return lr;
    }
}
