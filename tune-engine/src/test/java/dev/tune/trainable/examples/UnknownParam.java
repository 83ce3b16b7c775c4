package dev.tune.trainable.examples;

import dev.tune.Param;
import dev.tune.Step;
import dev.tune.Trainable;

/** Invalid: a {@code @Param} naming no hyperparameter. */
@Trainable
public class UnknownParam {
    @Param("momentum")
    double momentum;

    @Step
    double step() {
        return momentum;
    }
}
