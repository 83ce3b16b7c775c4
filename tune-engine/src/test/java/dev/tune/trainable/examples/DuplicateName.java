package dev.tune.trainable.examples;

import dev.tune.SearchSpace;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.space.Space;

/** Invalid: a hyperparameter declared both by a field and by the {@code @SearchSpace} method. */
@Trainable
public class DuplicateName {
    @Uniform(lower = 0, upper = 1)
    double lr;

    @SearchSpace
    static Space space() {
        return Space.builder().loguniform("lr", 1e-4, 1e-1).build();
    }

    @Step
    double step() {
        return lr;
    }
}
