package dev.tune.store.postgres;

import dev.tune.LogUniform;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** What the shared-store tests tune: a quick quadratic, a little sleep per step so trials overlap. */
public final class SharedModel {

    private SharedModel() {
    }

    @Trainable(metric = "loss", mode = dev.tune.Mode.MIN, samples = 24)
    public static void quadratic(@Uniform(lower = -2, upper = 2) double x, @LogUniform(lower = 1e-3, upper = 1) double lr,
            TrialContext context) throws InterruptedException {
        for (int i = 1; i <= Integer.getInteger("shared.iterations", 3); i++) {
            Thread.sleep(Long.getLong("shared.sleepMillis", 10));
            context.report("loss", (x - 0.5) * (x - 0.5) + lr / i);
        }
    }

    /** A class trainable that checkpoints every step, so a trial taken over goes on from there. */
    @Trainable(metric = "loss", mode = dev.tune.Mode.MIN, samples = 2)
    @dev.tune.CheckpointConfig(frequency = 1)
    public static class Slow {
        @Uniform(lower = 0, upper = 1)
        double x;
        @dev.tune.Checkpoint
        int steps;

        @dev.tune.Step
        public java.util.Map<String, Double> step() throws InterruptedException {
            Thread.sleep(Long.getLong("shared.sleepMillis", 10));
            steps++;
            return java.util.Map.of("loss", x / steps, "steps", (double) steps);
        }
    }

    /** The same name with another space: a worker running it must be refused. */
    @Trainable(metric = "loss", mode = dev.tune.Mode.MIN, samples = 24)
    public static void otherSpace(@Uniform(lower = -5, upper = 5) double x, TrialContext context) {
        context.report("loss", x * x);
    }
}
