package com.example;

import dev.tune.GridSearch;
import dev.tune.Trainable;

/** One of three trials throws: the experiment finishes, then the build fails naming that trial. */
public final class Diverging {

    private Diverging() {
    }

    @Trainable(name = "Diverging", metric = "loss")
    static double train(@GridSearch({"1", "2", "3"}) int k) {
        if (k == 2) {
            throw new IllegalStateException("loss diverged at k=2");
        }
        return k;
    }
}
