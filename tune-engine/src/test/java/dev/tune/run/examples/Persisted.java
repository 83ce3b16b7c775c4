package dev.tune.run.examples;

import dev.tune.Choice;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Experiment {@code persisted}: three trials of four results each, that also print a line. */
public final class Persisted {

    private Persisted() {
    }

    @Trainable(name = "persisted", metric = "score", samples = 3)
    static void train(@Uniform(lower = 0, upper = 1) double lr, @Choice({"8", "16"}) int batch, TrialContext context) {
        System.out.println("training with lr=" + lr);
        for (int i = 1; i <= 4; i++) {
            context.report("score", lr * batch / i);
        }
    }
}
