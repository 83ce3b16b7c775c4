package dev.tune.run.resume.examples;

import dev.tune.Checkpoint;
import dev.tune.Mode;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Counts to ten slowly, checkpointing its count: a trial worth resuming. */
@Trainable(name = "resumable", metric = "count", mode = Mode.MAX, samples = 6)
public class SlowCounter {

    @Uniform(lower = 0, upper = 1)
    double x;

    @Checkpoint
    int count;

    @Step
    Map<String, Double> step() throws InterruptedException {
        Thread.sleep(30);
        count++;
        return Map.of("count", (double) count, "x", x);
    }
}
