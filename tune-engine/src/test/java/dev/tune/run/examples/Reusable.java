package dev.tune.run.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tune.Config;
import dev.tune.Reset;
import dev.tune.Setup;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Six trials of three steps, one at a time, that can reset an instance for the next trial and count doing so. */
@Trainable(metric = "loss", samples = 6, maxConcurrentTrials = 1)
public class Reusable {

    /** Calls of {@code @Setup}, by every instance. */
    public static final AtomicInteger SETUPS = new AtomicInteger();
    /** Calls of {@code @Reset}, by every instance. */
    public static final AtomicInteger RESETS = new AtomicInteger();

    @Uniform(lower = -10, upper = 10)
    double h1;
    int steps;

    @Setup
    void setup() {
        SETUPS.incrementAndGet();
    }

    @Step
    Map<String, Object> step() {
        steps++;
        return Map.of("loss", (h1 - 3) * (h1 - 3), "done", steps >= 3);
    }

    @Reset
    void reset(Config config) {
        RESETS.incrementAndGet();
        assertEquals(config.getDouble("h1"), h1);
        steps = 0;
    }
}
