package com.example;

import dev.tune.GridSearch;
import dev.tune.Stop;
import dev.tune.Trainable;

/** At k=2 the step never returns and swallows every interrupt, as a careless loop or a native call does. */
public final class Stuck {

    private Stuck() {
    }

    @Trainable(name = "Stuck", metric = "loss", maxConcurrentTrials = 1)
    @Stop(trialSeconds = 0.5)
    static double train(@GridSearch({"1", "2", "3"}) int k) {
        while (k == 2) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // swallowed
            }
        }
        return k;
    }
}
