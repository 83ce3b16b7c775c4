package dev.tune.trainable.examples;

import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.List;

/** Invalid: a function trainable with a parameter that tune cannot supply. */
public class UnsuppliableFunctionParameter {
    @Trainable
    static double train(@Uniform(lower = 0, upper = 1) double lr, List<String> data) {
        return lr;
    }
}
