package dev.tune.samples;

import dev.tune.Checkpoint;
import dev.tune.LogUniform;
import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Trainable;
import java.util.Map;

/**
 * Sample 7: synchronous HyperBand, which pauses trials.
 *
 * <p>HyperBand runs a bracket of trials to a first milestone, pauses each one there, and once all
 * have paused lets the best third go on to a milestone three times later; the others stop early.
 * A paused trial frees its slot for another: its state goes to a checkpoint (here the
 * {@code @Checkpoint} fields, as JSON) and comes back when it resumes, so every trial's curve
 * continues exactly where it paused. Without checkpointed state tune keeps the paused instance in
 * memory instead.
 */
@Trainable(name = "hyperband", metric = "loss", samples = 27, scheduler = "hyperband(maxT=27,reductionFactor=3)")
@Seed(7)
public class TuneSample_07_HyperBand {

    @LogUniform(lower = 1e-3, upper = 1)
    double lr;

    @Checkpoint
    double weight = 4;

    @Checkpoint
    int epochs;

    @Step
    Map<String, Double> epoch() {
        weight -= lr * (weight - 1);
        epochs++;
        return Map.of("loss", (weight - 1) * (weight - 1), "epochs", (double) epochs);
    }
}
