package com.example;

import dev.tune.GridSearch;
import dev.tune.Trainable;

/** Selected by -Dtune.experiments=*Alpha*. */
public final class AlphaModel {

    private AlphaModel() {
    }

    @Trainable(metric = "error")
    static double fit(@GridSearch({"1", "2"}) int k) {
        return Math.abs(k - 2);
    }
}
