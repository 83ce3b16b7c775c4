package dev.tune.report.html.examples;

import dev.tune.Choice;
import dev.tune.LogUniform;
import dev.tune.RandInt;
import dev.tune.Seed;
import dev.tune.Trainable;
import dev.tune.TrialContext;

/**
 * Experiment {@code report}: twelve trials of every kind of axis, some failing, some cut by ASHA, one
 * choice that would end a script element: a report page must draw all of it.
 */
public final class Reported {

    private Reported() {
    }

    @Trainable(name = "report", metric = "loss", samples = 12,
            scheduler = "asha(maxT=9,gracePeriod=1,reductionFactor=3)")
    @Seed(3)
    static void train(@LogUniform(lower = 1e-4, upper = 1) double lr, @RandInt(lower = 1, upper = 5) long layers,
            @Choice({"adam", "sgd", "</script><b>"}) String optimizer, TrialContext context) {
        if (lr > 0.3) {
            throw new IllegalStateException("too fast");
        }
        for (int epoch = 1; epoch <= 9; epoch++) {
            context.report("loss", (1 + layers) * Math.abs(Math.log10(lr) + 2) / epoch + optimizer.length());
        }
    }
}
