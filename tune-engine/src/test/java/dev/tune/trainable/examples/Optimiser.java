package dev.tune.trainable.examples;

import dev.tune.Choice;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.When;
import java.util.Map;

/** Momentum only for SGD, dropout only for two or three layers: hyperparameters that exist only sometimes. */
@Trainable(metric = "loss", samples = 24)
public class Optimiser {
    // Declared before its parent on purpose: the space still samples the parent first.
    @When(param = "optimizer", equals = "sgd")
    @Uniform(lower = 0.5, upper = 0.99)
    Double momentum;

    @Choice({"sgd", "adam"})
    String optimizer;

    @Step
    Map<String, Double> step(@When(param = "layers", equals = {"2", "3"}) @Uniform(lower = 0, upper = 1) Double dropout,
            @Choice({"1", "2", "3"}) int layers) {
        return Map.of("loss", 1.0, "momentum", momentum == null ? -1 : momentum, "dropout",
                dropout == null ? -1 : dropout);
    }
}
