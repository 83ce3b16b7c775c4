package dev.tune.trainable.examples;

import dev.tune.Choice;
import dev.tune.Step;
import dev.tune.Trainable;

/** Invalid: a {@code @Choice} of an enum field with a value that is no constant of the enum. */
@Trainable
public class EnumChoice {

    enum Optimizer { SGD, ADAM }

    @Choice({"sgd", "RMSPROP"})
    Optimizer optimizer;

    @Step
    double step() {
        return 1;
    }
}
