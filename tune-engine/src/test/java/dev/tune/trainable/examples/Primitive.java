package dev.tune.trainable.examples;

import dev.tune.Choice;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.When;

/** Invalid: {@code @When} on a primitive field, which cannot be absent. */
@Trainable
public class Primitive {
    @Choice({"a", "b"})
    String kind;
    @When(param = "kind", equals = "a")
    @Uniform(lower = 0, upper = 1)
    double x;

    @Step
    double step() {
        return x;
    }
}
