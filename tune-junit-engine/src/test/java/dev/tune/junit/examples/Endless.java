package dev.tune.junit.examples;

import dev.tune.Step;
import dev.tune.Trainable;

/** Never ends on its own: only a stop condition or the experiment's end stops it. */
@Trainable(metric = "loss", samples = 2)
public class Endless {
    int step;

    @Step
    double step() throws InterruptedException {
        Thread.sleep(1);
        return 1.0 / ++step;
    }
}
