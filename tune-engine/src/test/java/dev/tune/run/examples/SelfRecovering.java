package dev.tune.run.examples;

import dev.tune.Checkpoint;
import dev.tune.CheckpointConfig;
import dev.tune.FailureConfig;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.concurrent.atomic.AtomicInteger;

/** Fails once at iteration 7; with its declared policy it restarts from the checkpoint at 5. */
@Trainable(metric = "loss", samples = 1)
@Stop(maxIterations = 10)
@FailureConfig(maxFailures = 2)
@CheckpointConfig(frequency = 5, keep = 1)
public class SelfRecovering {

    /** How many more times a trial throws at iteration 7. */
    public static final AtomicInteger FAILURES = new AtomicInteger();
    /** Steps begun, by every trial, counting those that threw. */
    public static final AtomicInteger STEPS_RUN = new AtomicInteger();

    @Uniform(lower = 0.1, upper = 0.2)
    double lr;

    @Checkpoint
    int steps;

    @Step
    double step(TrialContext context) {
        STEPS_RUN.incrementAndGet();
        if (context.iteration() == 6 && FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("lost the machine");
        }
        steps++;
        return steps;
    }
}
