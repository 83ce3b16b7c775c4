package dev.tune.trainable.examples;

import dev.tune.Choice;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.When;

/** Invalid: {@code @When} on a value that its hyperparameter never takes. */
@Trainable
public class UnknownValue {
    @Choice({"sgd", "adam"})
    String optimizer;
    @When(param = "optimizer", equals = "rmsprop")
    @Uniform(lower = 0, upper = 1)
    Double x;

    @Step
    double step() {
        return 1;
    }
}
