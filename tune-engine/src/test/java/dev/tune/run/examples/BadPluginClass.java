package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import dev.tune.run.examples.PluginClasses.NotACallback;

/** Names a class that is no callback: refused when the class is read. */
public final class BadPluginClass {

    private BadPluginClass() {
    }

    @Trainable(metric = "loss", callbacks = NotACallback.class)
    public static void bowl(@Uniform(lower = -5, upper = 5) double x, TrialContext context) {
        context.report("loss", x * x);
    }
}
