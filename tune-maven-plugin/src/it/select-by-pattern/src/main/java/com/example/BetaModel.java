package com.example;

import dev.tune.GridSearch;
import dev.tune.Trainable;

/** Not selected: it must not run. */
public final class BetaModel {

    private BetaModel() {
    }

    @Trainable(metric = "error")
    static double fit(@GridSearch({"1", "2"}) int k) {
        throw new IllegalStateException("BetaModel was not selected and must not run");
    }
}
