package dev.tune.samples;

import dev.tune.Checkpoint;
import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import java.util.Map;

/**
 * Sample 9: Population Based Training, on a learner whose best learning rate changes as it learns.
 *
 * <p>The learner's skill grows by up to one point a step, fastest when its learning rate matches
 * the rate its current skill calls for: 0.1 at first, ten times lower for every 25 points gained.
 * A rate more than four times too high makes it forget. So no fixed rate gets far: a high one
 * stalls early, a low one starts slowly (the best fixed rate ends near 40 points after 80 steps).
 *
 * <p>PBT trains 12 learners with random initial rates (a random population, as in Ray), four at
 * a time, taking turns fairly. Every 4 steps it ranks them; each
 * learner in the bottom quarter copies the checkpoint (the {@code @Checkpoint} skill) of one in the
 * top quarter and goes on with that learner's rate, scaled by 0.8 or 1.2, or resampled. The
 * population thus finds a falling schedule and ends well past 40. Every exploit is logged in
 * {@code pbt_global.txt}, and {@code pbt_policy_<trial>.txt} holds the schedule that led to each
 * trial's final state.
 */
@Trainable(name = "pbt", metric = "skill", mode = Mode.MAX, samples = 12, maxConcurrentTrials = 4,
        searcher = "random", scheduler = "pbt(timeAttr=training_iteration,perturbationInterval=4,mutations=lr)")
@Stop(maxIterations = TuneSample_09_PopulationBasedTraining.STEPS)
@Seed(9)
public class TuneSample_09_PopulationBasedTraining {

    static final int STEPS = 80;

    @LogUniform(lower = 1e-4, upper = 1)
    double lr;

    @Checkpoint
    double skill;

    @Step
    Map<String, Double> train() {
        double ideal = idealRate(skill);
        skill = next(skill, lr);
        return Map.of("skill", skill, "ideal_lr", ideal);
    }

    /** The rate at which skill grows fastest: 0.1, and ten times lower for every 25 points. */
    static double idealRate(double skill) {
        return 0.1 * Math.pow(10, -skill / 25);
    }

    /** Skill after one step at {@code lr}: a point at the ideal rate, less the further off it is. */
    static double next(double skill, double lr) {
        double off = Math.log10(lr / idealRate(skill));
        if (off > Math.log10(4)) {
            return Math.max(0, skill - 0.5);
        }
        return skill + Math.exp(-2 * off * off);
    }
}
