package dev.tune.process.examples;

import dev.tune.Checkpoint;
import dev.tune.Cleanup;
import dev.tune.Reset;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A Class API trainable that tells where it ran: the JVM's pid, how many trials this JVM ran
 * (static state, which leaks between trials in one JVM), whether its instance was reset, and the
 * GPUs its JVM sees; it prints a line a test finds in the trial's stdout.
 */
@Trainable(metric = "score", samples = 6, maxConcurrentTrials = 2)
@Stop(maxIterations = 3)
public class InChild {

    private static int trialsInThisJvm;

    @Uniform(lower = 0, upper = 1)
    double x;
    @Checkpoint
    int steps;
    int resets;
    int trialOfThisJvm;

    /** Appends a line to the file that the system property {@code inchild.cleanups} names, when it is set. */
    @Cleanup
    void cleanup() throws IOException {
        String file = System.getProperty("inchild.cleanups");
        if (file != null) {
            Files.writeString(Path.of(file), "cleaned\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Reset
    boolean reset() {
        resets++;
        steps = 0;
        trialOfThisJvm = 0;
        return true;
    }

    @Step
    Map<String, Object> step(TrialContext context) {
        if (trialOfThisJvm == 0) {
            trialOfThisJvm = ++trialsInThisJvm;
        }
        steps++;
        System.out.println("step " + steps + " of " + context.trialName() + " in " + ProcessHandle.current().pid());
        String cuda = System.getenv("CUDA_VISIBLE_DEVICES");
        return Map.of("score", x + steps, "pid", (double) ProcessHandle.current().pid(),
                "jvmTrial", (double) trialOfThisJvm, "resets", (double) resets, "steps", (double) steps,
                "gpus", (double) context.gpuIds().size(), "cudaDevices", cuda == null ? -1.0
                        : cuda.isEmpty() ? 0.0 : (double) cuda.split(",").length);
    }
}
