package dev.tune.samples;

import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.QRandInt;
import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import java.util.Random;

/**
 * Sample 4: an existing model class, tuned by annotating it.
 *
 * <p>This is a plain logistic regression trained by mini-batch gradient descent on a synthetic
 * two-class data set. It extends nothing, implements nothing and has no no-arg constructor; it
 * was written without tune in mind. The only tune types in it are the annotations: the class is
 * {@code @Trainable}, its existing {@link #trainEpoch()} is the {@code @Step}, and the constructor
 * parameters carry the search space. Remove the annotations and it is the same class.
 *
 * <p>{@link #trainEpoch()} returns an {@link EpochStats} record; its numeric components become the
 * metrics, and {@code validationAccuracy} is maximised. {@code @Stop} ends each trial after 15
 * epochs.
 */
@Trainable(name = "logistic-regression", metric = "validationAccuracy", mode = Mode.MAX, samples = 12)
@Stop(maxIterations = 15)
@Seed(2024)
public class LogisticRegression {

    /** What one epoch of training measured. */
    public record EpochStats(double trainLoss, double validationAccuracy) {
    }

    private static final int FEATURES = 10;

    private final double learningRate;
    private final double l2;
    private final int batchSize;
    private final double[] weights = new double[FEATURES + 1];
    private final double[][] trainX;
    private final int[] trainY;
    private final double[][] validX;
    private final int[] validY;
    private final Random random = new Random(1);

    public LogisticRegression(@LogUniform(lower = 1e-3, upper = 1.0) double learningRate,
            @LogUniform(lower = 1e-6, upper = 1e-1) double l2,
            @QRandInt(lower = 8, upper = 64, q = 8) int batchSize) {
        this.learningRate = learningRate;
        this.l2 = l2;
        this.batchSize = batchSize;
        Random data = new Random(12345);
        double[] truth = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            truth[i] = data.nextGaussian();
        }
        trainX = new double[800][];
        trainY = new int[800];
        validX = new double[400][];
        validY = new int[400];
        fill(trainX, trainY, truth, data);
        fill(validX, validY, truth, data);
    }

    /** One pass over the training data; returns the training loss and the validation accuracy. */
    @Step
    public EpochStats trainEpoch() {
        double loss = 0;
        for (int start = 0; start < trainX.length; start += batchSize) {
            double[] gradient = new double[weights.length];
            int end = Math.min(trainX.length, start + batchSize);
            for (int i = start; i < end; i++) {
                int row = random.nextInt(trainX.length);
                double p = predict(trainX[row]);
                loss -= trainY[row] == 1 ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
                for (int j = 0; j < FEATURES; j++) {
                    gradient[j] += (p - trainY[row]) * trainX[row][j];
                }
                gradient[FEATURES] += p - trainY[row];
            }
            for (int j = 0; j < weights.length; j++) {
                weights[j] -= learningRate * (gradient[j] / (end - start) + (j < FEATURES ? l2 * weights[j] : 0));
            }
        }
        return new EpochStats(loss / trainX.length, accuracy(validX, validY));
    }

    double accuracy(double[][] x, int[] y) {
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            correct += (predict(x[i]) >= 0.5 ? 1 : 0) == y[i] ? 1 : 0;
        }
        return (double) correct / x.length;
    }

    private double predict(double[] x) {
        double z = weights[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            z += weights[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static void fill(double[][] x, int[] y, double[] truth, Random data) {
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[FEATURES];
            double z = 0;
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = data.nextGaussian() * (1 + j % 3);
                z += truth[j] * x[i][j];
            }
            y[i] = 1 / (1 + Math.exp(-z)) > data.nextDouble() ? 1 : 0;
        }
    }
}
