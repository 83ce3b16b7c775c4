package com.example.model;

import dev.tune.Choice;
import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;

/**
 * A plain model class: it fits y = 3x by gradient descent with an L2 penalty. The only tune types
 * are the annotations; the hyperparameters are its constructor's parameters.
 */
@Trainable(name = "ridge", metric = "loss", mode = Mode.MIN, samples = 6)
@Stop(maxIterations = 5)
@Seed(17)
public class RidgeRegression {

    private final double learningRate;
    private final double penalty;
    private double weight;

    public RidgeRegression(@LogUniform(lower = 0.01, upper = 0.5) double learningRate,
                           @Choice({"0", "0.01", "0.1"}) double penalty) {
        this.learningRate = learningRate;
        this.penalty = penalty;
    }

    /** One epoch: its record's numbers become the metrics. */
    @Step
    public Epoch epoch() {
        double gradient = 2 * (weight - 3) + 2 * penalty * weight;
        weight -= learningRate * gradient;
        return new Epoch((weight - 3) * (weight - 3), weight);
    }

    public record Epoch(double loss, double weight) {
    }
}
