package dev.tune.trainable.examples;

import dev.tune.Step;
import dev.tune.Trainable;

/** Invalid: a {@code @Step} parameter that tune cannot supply. */
@Trainable
public class UnsuppliableStepParameter {
    @Step
    double step(String dataset) {
        return 1;
    }
}
