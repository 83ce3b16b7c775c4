package dev.tune.trainable.examples;

import dev.tune.Choice;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.When;

/** Invalid: {@code @When} on a field without a domain annotation. */
@Trainable
public class NoDomain {
    @When(param = "optimizer", equals = "sgd")
    Double x;
    @Choice({"sgd", "adam"})
    String optimizer;

    @Step
    double step() {
        return 1;
    }
}
