package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Four trials: the first reports NaN, the second minus infinity, the others a finite score. */
public final class NanForSome {

    private NanForSome() {
    }

    @Trainable(metric = "score", samples = 4)
    static double nanForSome(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        return context.trialId().endsWith("1") ? Double.NaN : context.trialId().endsWith("2") ? -1.0 / 0.0 : x;
    }
}
