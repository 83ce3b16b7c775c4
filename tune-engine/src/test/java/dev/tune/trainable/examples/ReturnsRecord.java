package dev.tune.trainable.examples;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** A function trainable that returns a record, whose components are its final result. */
public final class ReturnsRecord {

    record Score(double score, int epoch) {
    }

    private ReturnsRecord() {
    }

    @Trainable(metric = "score", mode = Mode.MAX)
    static Score returnsRecord(@Uniform(lower = 0, upper = 1) double x) {
        return new Score(x, 3);
    }
}
