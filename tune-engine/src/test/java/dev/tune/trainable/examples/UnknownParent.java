package dev.tune.trainable.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.When;

/** Invalid: {@code @When} on a hyperparameter that does not exist. */
@Trainable
public class UnknownParent {
    @When(param = "optimiser", equals = "sgd")
    @Uniform(lower = 0, upper = 1)
    Double x;

    @Step
    double step() {
        return 1;
    }
}
