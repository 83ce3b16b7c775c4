package dev.tune.run.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import java.util.Map;
import java.util.TreeMap;

/** Names {@code accuracy} as its metric but reports only {@code loss} and {@code acc}. */
@Trainable(metric = "accuracy")
public class ForgetsTheMetric {
    @Step
    Map<String, Double> step() {
        return new TreeMap<>(Map.of("loss", 0.5, "acc", 0.9));
    }
}
