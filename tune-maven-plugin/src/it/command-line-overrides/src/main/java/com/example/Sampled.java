package com.example;

import dev.tune.Trainable;
import dev.tune.Uniform;

/** The annotation asks for 10 samples, the POM for 5, the command line for 2: the command line wins. */
public final class Sampled {

    private Sampled() {
    }

    @Trainable(name = "Sampled", metric = "score", samples = 10)
    static double score(@Uniform(lower = 0, upper = 1) double x) {
        return x * x;
    }
}
