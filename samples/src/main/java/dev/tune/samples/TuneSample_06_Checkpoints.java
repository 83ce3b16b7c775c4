package dev.tune.samples;

import dev.tune.Checkpoint;
import dev.tune.CheckpointConfig;
import dev.tune.FailureConfig;
import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sample 6: checkpoints and fault tolerance.
 *
 * <p>A trainable's state survives a failure when it is checkpointed. Here the state is two plain
 * fields marked {@code @Checkpoint}: tune writes them as JSON into {@code checkpoint_<iteration>}
 * directories, every 5 iterations as the class's own {@code @CheckpointConfig} says, and reads them
 * back when the trial restarts. The step fails once, at iteration 12, as a lost machine would;
 * {@code @FailureConfig(maxFailures = 1)} lets the trial restart from its checkpoint at iteration
 * 10, and it ends at 20 with the same state as an undisturbed run. Both policies travel with the
 * class, so {@code tune:run}, the JUnit engine and {@code Tuner.run} all recover the same way
 * ({@code -Dtune.maxFailures} and {@code -Dtune.checkpoint.*} still override them). The same
 * checkpoints let {@code tune.resume=true} continue an experiment killed mid-way.
 */
@Trainable(name = "checkpoints", metric = "loss", samples = 3)
@Stop(maxIterations = 20)
@FailureConfig(maxFailures = 1)
@CheckpointConfig(frequency = 5)
@Seed(6)
public class TuneSample_06_Checkpoints {

    /** Failures left to inject, so the sample shows one restart. */
    static final AtomicInteger FAILURES = new AtomicInteger(1);

    @Uniform(lower = 0.01, upper = 0.5)
    double lr;

    @Checkpoint
    double weight = 5;

    @Checkpoint
    int steps;

    @Step
    Map<String, Double> step(TrialContext context) {
        if (context.iteration() == 11 && FAILURES.getAndDecrement() > 0) {
            throw new IllegalStateException("lost the machine at iteration 12");
        }
        weight -= lr * 2 * (weight - 1);
        steps++;
        return Map.of("loss", (weight - 1) * (weight - 1), "steps", (double) steps);
    }
}
