package dev.tune.samples;

import dev.tune.LogUniform;
import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/**
 * Sample 12: trials that fail, beside a scheduler that stops trials early.
 *
 * <p>With too large a learning rate this model diverges, and its step throws. A failing trial
 * never takes the experiment down: it ends in error with its exception recorded, and the other
 * trials go on (set {@code @FailureConfig(maxFailures = 2)} to retry a trial, or {@code failFast}
 * to stop everything at the first failure). ASHA meanwhile cuts the slow learners. The summary,
 * the JUnit report and {@code report.html} tell the three apart: completed, cut by the scheduler,
 * and failed.
 */
@Trainable(name = "fault-tolerance", metric = "loss", samples = 30,
        scheduler = "asha(maxT=30,gracePeriod=2,reductionFactor=3)")
@Stop(maxIterations = 30)
@Seed(12)
public class TuneSample_12_FaultTolerance {

    @LogUniform(lower = 1e-3, upper = 3)
    double lr;

    @Uniform(lower = 0, upper = 0.9)
    double momentum;

    double weight = 5;
    double velocity;
    int epoch;

    @Step
    Map<String, Double> epoch() {
        epoch++;
        double gradient = 2 * (weight - 1);
        velocity = momentum * velocity - lr * gradient;
        weight += velocity;
        double loss = (weight - 1) * (weight - 1);
        if (!(loss < 100)) { // it started at 16: the steps overshoot more each time
            throw new ArithmeticException("diverged at epoch " + epoch + ": loss " + loss + " with lr " + lr);
        }
        return Map.of("loss", loss);
    }
}
