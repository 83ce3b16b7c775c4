package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Four trials, two at a time, that write down the seed each was given. */
public final class Seeded {

    /** The seeds the trials were given, in the order they started. */
    public static final List<Long> SEEN = new CopyOnWriteArrayList<>();

    private Seeded() {
    }

    @Trainable(metric = "x", samples = 4, maxConcurrentTrials = 2)
    static double seeded(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        SEEN.add(context.seed());
        return x;
    }
}
