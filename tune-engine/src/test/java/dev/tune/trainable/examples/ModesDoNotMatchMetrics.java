package dev.tune.trainable.examples;

import dev.tune.Mode;
import dev.tune.Step;
import dev.tune.Trainable;

/** Invalid: two metrics and one mode. */
@Trainable(metric = {"loss", "accuracy"}, mode = Mode.MIN)
public class ModesDoNotMatchMetrics {
    @Step
    double step() {
        return 1;
    }
}
