package com.example;

import dev.tune.GridSearch;
import dev.tune.Trainable;
import dev.tune.Verify;
import dev.tune.result.ExperimentResult;

/** A trainable in the test sources whose @Verify gate rejects the best loss it can reach. */
public final class QualityGate {

    private QualityGate() {
    }

    @Trainable(name = "QualityGate", metric = "loss")
    static double train(@GridSearch({"1", "2"}) int k) {
        return k * 0.5;
    }

    @Verify
    static void bestLossIsLow(ExperimentResult result) {
        double best = result.bestTrial().orElseThrow().metrics().get("loss").last();
        if (best > 0.1) {
            throw new AssertionError("best loss " + best + " is above 0.1");
        }
    }
}
