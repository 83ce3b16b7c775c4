package dev.tune.trainable.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Choice;
import dev.tune.Config;
import dev.tune.Param;
import dev.tune.SearchSpace;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.space.Space;
import java.util.Map;

/** Takes hyperparameters in fields, its constructor and its step, from annotations and from code, and checks them. */
@Trainable(metric = "loss")
public class Everywhere {

    /** The optimiser to choose. */
    public enum Optimizer { SGD, ADAM }

    @Choice({"sgd", "adam"})
    Optimizer optimizer;
    @Param("optimizer.lr")
    double lr;
    private final int layers;
    private final Config config;

    @SearchSpace
    public static Space space() {
        return Space.builder()
                .nested("optimizer", o -> o.loguniform("lr", 1e-4, 1e-1))
                .sampleFrom("warmup", c -> c.getInt("layers") * 10)
                .sampleFrom("momentum", c -> c.get("optimizer") == Optimizer.SGD ? 0.9 : null)
                .build();
    }

    Everywhere(@Choice({"1", "2", "3"}) int layers, Config config) {
        this.layers = layers;
        this.config = config;
    }

    @Step
    Map<String, Object> step(@Uniform(lower = 0, upper = 1) double dropout, @Param("warmup") long warmup,
            @Param("momentum") Double momentum) {
        assertEquals(config.getDouble("optimizer.lr"), lr);
        assertEquals(layers * 10L, warmup);
        assertEquals(optimizer == Optimizer.SGD ? Double.valueOf(0.9) : null, momentum);
        assertTrue(dropout >= 0 && dropout < 1);
        return Map.of("loss", lr * layers + dropout, "done", true);
    }
}
