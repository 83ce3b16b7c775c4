package dev.tune.trainable.examples;

import dev.tune.LogUniform;
import dev.tune.QRandInt;
import dev.tune.RandInt;
import dev.tune.Step;
import dev.tune.Trainable;
import java.util.Map;

/**
 * A model whose hyperparameters carry the names a library expects: {@code max_depth} for the field
 * {@code maxDepth}, and {@code lambda}, which no Java field can be called; the README's example.
 */
@Trainable(metric = "loss", samples = 40)
public class NamedBooster {

    @RandInt(name = "max_depth", lower = 3, upper = 5)
    public int maxDepth;

    @LogUniform(name = "lambda", lower = 1e-3, upper = 10)
    public double l2;

    @QRandInt(name = "rounds", lower = 1, upper = 2)
    public int rounds;

    @Step
    public Map<String, Object> step() {
        return Map.of("loss", maxDepth + l2 + rounds, "seen_max_depth", maxDepth, "seen_lambda", l2,
                "seen_rounds", rounds, "done", true);
    }
}
