package dev.tune.run.examples;

import dev.tune.Choice;
import dev.tune.GridSearch;
import dev.tune.Trainable;
import java.util.Map;

/** The quick-start function: a grid of four values of {@code a} times a random choice of {@code b}. */
public final class Quickstart {

    private Quickstart() {
    }

    @Trainable(metric = "score")
    static Map<String, Double> quickstart(@GridSearch({"0.001", "0.01", "0.1", "1.0"}) double a,
            @Choice({"1", "2", "3"}) int b) {
        return Map.of("score", a * a + b);
    }
}
