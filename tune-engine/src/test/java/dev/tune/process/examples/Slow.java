package dev.tune.process.examples;

import dev.tune.Checkpoint;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Slow steps that checkpoint after each, and tell the pid of the JVM they ran in: a test kills that JVM. */
@Trainable(metric = "score", samples = 2, maxConcurrentTrials = 2)
@Stop(maxIterations = 5)
public class Slow {
    @Uniform(lower = 0, upper = 1)
    double x;
    @Checkpoint
    int steps;

    @Step
    Map<String, Double> step() throws InterruptedException {
        Thread.sleep(150);
        steps++;
        return Map.of("score", x + steps, "steps", (double) steps, "pid", (double) ProcessHandle.current().pid());
    }
}
