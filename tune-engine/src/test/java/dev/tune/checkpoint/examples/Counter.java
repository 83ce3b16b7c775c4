package dev.tune.checkpoint.examples;

import dev.tune.Checkpoint;
import dev.tune.Mode;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Checkpoints through its own methods, as Ray's save_checkpoint and load_checkpoint; fails at step 4 on demand. */
@Trainable(metric = "count", mode = Mode.MAX)
public class Counter {

    /** How many more times a trial throws at iteration 4. */
    public static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    int count;

    @Step
    double step(TrialContext context) {
        if (context.iteration() == 3 && FAILURES_LEFT.getAndDecrement() > 0) {
            throw new IllegalStateException("crash");
        }
        return ++count;
    }

    @Checkpoint.Save
    void save(Path dir) throws IOException {
        Files.writeString(dir.resolve("count.txt"), Integer.toString(count));
    }

    @Checkpoint.Load
    void load(Path dir) throws IOException {
        count = Integer.parseInt(Files.readString(dir.resolve("count.txt")));
    }
}
