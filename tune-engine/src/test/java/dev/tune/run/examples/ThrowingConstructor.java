package dev.tune.run.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Its constructor throws, as a model that finds no GPU would. */
@Trainable
public class ThrowingConstructor {
    ThrowingConstructor(@Uniform(lower = 0, upper = 1) double lr) {
        throw new IllegalArgumentException("no GPU found");
    }

    @Step
    double step() {
        return 1;
    }
}
