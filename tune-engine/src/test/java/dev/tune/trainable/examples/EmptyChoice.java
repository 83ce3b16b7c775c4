package dev.tune.trainable.examples;

import dev.tune.Choice;
import dev.tune.Step;
import dev.tune.Trainable;

/** Invalid: a {@code @Choice} of no values. */
@Trainable
public class EmptyChoice {
    @Choice({})
    String optimizer;

    @Step
    double step() {
        return 1;
    }
}
