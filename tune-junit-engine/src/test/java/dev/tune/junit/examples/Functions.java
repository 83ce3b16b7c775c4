package dev.tune.junit.examples;

import dev.tune.Choice;
import dev.tune.Seed;
import dev.tune.Trainable;
import dev.tune.TrialContext;

/** Function trainables: one whose second trial fails, one whose verification fails. */
public class Functions {

    @Trainable(metric = "score", samples = 3)
    @Seed(2)
    static void sometimesFails(@Choice({"1", "2", "3"}) int width, TrialContext context) {
        if (context.trialId().endsWith("2")) {
            throw new IllegalStateException("diverged");
        }
        context.report("score", width);
        context.report("score", width / 2.0);
    }

    @Trainable(metric = "score", samples = 2)
    static double neverGoodEnough(@Choice({"1", "2"}) int width) {
        return width;
    }

    @dev.tune.Verify
    static void demandsTheImpossible(dev.tune.result.ExperimentResult result) {
        if (result.name().equals("Functions.neverGoodEnough")) {
            throw new AssertionError("best score must be below 0, was "
                    + result.bestTrial().orElseThrow().lastResult().orElseThrow().metric("score"));
        }
    }
}
