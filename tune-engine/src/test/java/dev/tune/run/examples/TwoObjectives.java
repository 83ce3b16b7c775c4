package dev.tune.run.examples;

import dev.tune.Mode;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.Map;

/** Accuracy to maximise and a loss to minimise that disagree below x = 0.5: a Pareto front. */
@Trainable(metric = {"accuracy", "eval_loss"}, mode = {Mode.MAX, Mode.MIN}, samples = 6)
public class TwoObjectives {
    @Uniform(lower = 0, upper = 1)
    double x;

    @Step
    Map<String, Object> step() {
        // accuracy rises with x while the loss is smallest at x = 0.5: only x in [0.5, 1) is Pareto-optimal
        return Map.of("accuracy", x, "eval_loss", (x - 0.5) * (x - 0.5), "done", true);
    }
}
