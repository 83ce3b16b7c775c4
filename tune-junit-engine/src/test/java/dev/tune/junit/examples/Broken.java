package dev.tune.junit.examples;

import dev.tune.Trainable;
import dev.tune.Uniform;

/** Invalid: a class trainable without a step. */
@Trainable
public class Broken {
    @Uniform(lower = 0, upper = 1)
    double lr;
}
