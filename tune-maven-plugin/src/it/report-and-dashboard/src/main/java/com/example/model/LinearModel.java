package com.example.model;

import dev.tune.GridSearch;
import dev.tune.Mode;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;

/**
 * An existing model class: fits the weight w of y = w * x to the target 2 by gradient steps.
 * The annotations are all that tune needs: the learning rate is the hyperparameter, each step
 * is one epoch, and the loss it returns is the metric.
 */
@Trainable(metric = "loss", mode = Mode.MIN)
@Stop(maxIterations = 3)
public class LinearModel {

    static final double TARGET = 2.0;

    @GridSearch({"0.25", "0.5", "0.75"})
    private double learningRate;

    private double weight;

    /** One epoch: a gradient step towards the target; returns the squared error after it. */
    @Step
    public double epoch() {
        weight += learningRate * (TARGET - weight);
        return (TARGET - weight) * (TARGET - weight);
    }

    public double predict(double x) {
        return weight * x;
    }
}
