package dev.tune.trainable.examples;

import dev.tune.Step;
import dev.tune.Trainable;

/** Invalid: a class trainable whose only constructor takes a parameter tune cannot supply. */
@Trainable
public class NoUsableConstructor {
    NoUsableConstructor(String path) {
    }

    @Step
    double step() {
        return 1;
    }
}
