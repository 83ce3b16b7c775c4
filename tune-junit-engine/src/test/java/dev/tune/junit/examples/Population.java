package dev.tune.junit.examples;

import dev.tune.Checkpoint;
import dev.tune.LogUniform;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;

/** Six PBT trials taking turns in two slots: each pauses, resumes and may be exploited several times. */
@Trainable(metric = "acc", mode = dev.tune.Mode.MAX, samples = 6, maxConcurrentTrials = 2,
        scheduler = "pbt(timeAttr=training_iteration,perturbationInterval=2,quantileFraction=0.5,mutations=lr)")
@Stop(maxIterations = 8)
public class Population {

    @LogUniform(lower = 0.001, upper = 1)
    double lr;

    @Checkpoint
    double acc;

    @Step
    double step() {
        // The score follows the learning rate, not how long a trial has trained: a trial that just
        // trained most would otherwise rank on top at its own perturbation and never be exploited.
        acc = 1 / (1 + Math.abs(Math.log10(lr / 0.1)));
        return acc;
    }
}
