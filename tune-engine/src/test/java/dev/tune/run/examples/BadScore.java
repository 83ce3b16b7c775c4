package dev.tune.run.examples;

import dev.tune.CheckpointConfig;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Invalid: its {@code @CheckpointConfig} scores checkpoints by {@code best:loss}, which is no direction. */
@Trainable
@CheckpointConfig(frequency = 1, keep = 2, score = "best:loss")
public class BadScore {
    @Uniform(lower = 0, upper = 1)
    double x;

    @Step
    double step() {
        return x;
    }
}
