package dev.tune.pages.examples;

import dev.tune.LogUniform;
import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/**
 * Test fixture, not a sample: a class trainable ({@code diverging}) whose trials end in all three ways
 * a report tells apart, for the report page's test. Gradient descent with momentum on a parabola: with
 * too large a learning rate it diverges and its step throws, so the trial fails (no retries); ASHA
 * cuts the slow learners; the rest complete. Thirty trials of at most thirty steps, seed 12: the
 * content of sample 12 ({@code fault-tolerance}) as it was when its trials failed for good.
 *
 * <p>It lives in an {@code examples} package, as every trainable in test code does, so that scans and
 * {@code mvn tune:run} never pick it up; tests select it by class.
 */
@Trainable(name = "diverging", metric = "loss", samples = 30,
        scheduler = "asha(maxT=30,gracePeriod=2,reductionFactor=3)")
@Stop(maxIterations = 30)
@Seed(12)
public class Diverging {

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
