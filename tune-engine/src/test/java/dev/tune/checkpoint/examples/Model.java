package dev.tune.checkpoint.examples;

import dev.tune.Checkpoint;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A model whose state is captured as JSON through @Checkpoint fields; fails at iteration 6 on demand. */
@Trainable(metric = "loss")
public class Model {

    /** How many more times a trial throws at iteration 6. */
    public static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    @Uniform(lower = 0, upper = 1)
    double lr;
    @Checkpoint
    double[] weights = new double[] {1, 1};
    @Checkpoint
    List<Double> losses = new ArrayList<>();

    @Step
    Map<String, Double> step(TrialContext context) {
        if (context.iteration() == 5 && FAILURES_LEFT.getAndDecrement() > 0) {
            throw new IllegalStateException("node lost at iteration 6");
        }
        weights[0] *= 0.5;
        losses.add(weights[0]);
        return Map.of("loss", weights[0], "seen", (double) losses.size());
    }
}
