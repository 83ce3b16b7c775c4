package com.example;

import dev.tune.Choice;
import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.Step;
import dev.tune.Trainable;

/** A model class with two hyperparameters. */
@Trainable(metric = "accuracy", mode = Mode.MAX, samples = 4)
public class Classifier {

    @LogUniform(lower = 1e-4, upper = 1e-1)
    private double learningRate;

    @Choice({"16", "32", "64"})
    private int batchSize;

    @Step
    public double epoch() {
        throw new IllegalStateException("tune:list must not train");
    }
}
