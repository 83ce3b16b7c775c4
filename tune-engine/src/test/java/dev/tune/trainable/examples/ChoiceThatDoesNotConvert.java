package dev.tune.trainable.examples;

import dev.tune.Choice;
import dev.tune.Step;
import dev.tune.Trainable;

/** Invalid: a {@code @Choice} of an int field with a value that is no int. */
@Trainable
public class ChoiceThatDoesNotConvert {
    @Choice({"16", "32", "big"})
    int batch;

    @Step
    double step() {
        return batch;
    }
}
