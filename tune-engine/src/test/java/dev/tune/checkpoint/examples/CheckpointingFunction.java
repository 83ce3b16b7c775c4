package dev.tune.checkpoint.examples;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A function trainable that reports a checkpoint with each of its six steps and resumes from the latest. */
public final class CheckpointingFunction {

    /** How many more times a trial throws at step 4. */
    public static final AtomicInteger FAILURES = new AtomicInteger();

    private CheckpointingFunction() {
    }

    @Trainable(metric = "step", mode = Mode.MAX)
    static void function(TrialContext context) throws IOException {
        int start = 0;
        if (context.latestCheckpoint().isPresent()) {
            start = Integer.parseInt(Files.readString(context.latestCheckpoint().get().resolve("at.txt")));
        }
        for (int i = start + 1; i <= 6; i++) {
            if (i == 4 && FAILURES.getAndDecrement() > 0) {
                throw new IllegalStateException("crash at 4");
            }
            Path dir = Files.createTempDirectory("ckpt");
            Files.writeString(dir.resolve("at.txt"), Integer.toString(i));
            context.report(Map.of("step", i), dir);
        }
    }
}
