package com.example;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** The bounds of the learning rate are the wrong way round: the build stops before anything runs. */
@Trainable(metric = "loss")
public class Broken {

    @Uniform(lower = 5, upper = 1)
    private double learningRate;

    @Step
    public double epoch() {
        return learningRate;
    }
}
