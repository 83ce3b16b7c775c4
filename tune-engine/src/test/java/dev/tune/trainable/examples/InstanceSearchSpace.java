package dev.tune.trainable.examples;

import dev.tune.SearchSpace;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.space.Space;

/** Invalid: a {@code @SearchSpace} method that is not static. */
@Trainable
public class InstanceSearchSpace {
    @SearchSpace
    Space space() {
        return Space.empty();
    }

    @Step
    double step() {
        return 1;
    }
}
