package dev.tune.store.postgres.examples;

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

    /** Four trials of two seconds each: too long to be worth claiming ahead of a free slot. */
    @Trainable(metric = "loss", mode = dev.tune.Mode.MIN, samples = 4)
    public static void lengthy(@Uniform(lower = -2, upper = 2) double x, @LogUniform(lower = 1e-3, upper = 1) double lr,
            TrialContext context) throws InterruptedException {
        for (int i = 1; i <= 4; i++) {
            Thread.sleep(500);
            context.report("loss", x * x + lr / i);
        }
    }

    /**
     * A member of a PBT population: its state is how far it got, at a speed its hyperparameter
     * sets, so a trial that copied another's checkpoint goes on from the other's score.
     */
    @Trainable(metric = "score", mode = dev.tune.Mode.MAX, samples = 2)
    @dev.tune.CheckpointConfig(frequency = 1)
    public static class Population {
        @Uniform(lower = 0, upper = 1)
        double speed;
        @dev.tune.Checkpoint
        double score;
        @dev.tune.Checkpoint
        int steps;

        @dev.tune.Step
        public java.util.Map<String, Double> step() throws Exception {
            if (steps == 0 && System.getProperty("shared.barrier") != null) {
                awaitPeers(java.nio.file.Path.of(System.getProperty("shared.barrier")), Integer.getInteger("shared.peers", 2));
            }
            Thread.sleep(Long.getLong("shared.sleepMillis", 10));
            steps++;
            score += speed;
            return java.util.Map.of("score", score, "steps", (double) steps, "speed", speed);
        }
    }

    /** Marks this trial as started in {@code barrier}, then waits (up to 60 s) until {@code count} have. */
    static void awaitPeers(java.nio.file.Path barrier, int count) throws Exception {
        java.nio.file.Files.createDirectories(barrier);
        java.nio.file.Files.createTempFile(barrier, "started", "");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (var started = java.nio.file.Files.list(barrier)) {
                if (started.count() >= count) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    /** The same name with another space: a worker running it must be refused. */
    @Trainable(metric = "loss", mode = dev.tune.Mode.MIN, samples = 24)
    public static void otherSpace(@Uniform(lower = -5, upper = 5) double x, TrialContext context) {
        context.report("loss", x * x);
    }
}
