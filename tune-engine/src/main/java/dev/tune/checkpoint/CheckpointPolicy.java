package dev.tune.checkpoint;

import dev.tune.Mode;

/**
 * When a trial saves checkpoints and which it keeps, as Ray's {@code CheckpointConfig}:
 * every {@code frequency} iterations (0: never on a schedule), at the trial's end, keeping at most
 * {@code keep} (0: all), the best by {@code scoreMetric} in {@code scoreMode} when one is named,
 * else the most recent. The latest checkpoint is always kept, so a trial can restart from it.
 */
public record CheckpointPolicy(int frequency, boolean atEnd, int keep, String scoreMetric, Mode scoreMode) {

    public CheckpointPolicy {
        if (frequency < 0 || keep < 0) {
            throw new IllegalArgumentException("checkpoint frequency and keep must be 0 or more, got " + frequency
                    + " and " + keep);
        }
    }

    /** Ray's default: no checkpoints. */
    public static CheckpointPolicy none() {
        return new CheckpointPolicy(0, false, 0, null, Mode.MAX);
    }

    /** True when a checkpoint is due after {@code iteration}; {@code last} when it is the trial's final one. */
    public boolean isDue(long iteration, boolean last) {
        return frequency > 0 && iteration % frequency == 0 || last && atEnd;
    }
}
