package dev.tune.junit.examples.suite;

import dev.tune.GridSearch;
import dev.tune.Trainable;

/** The only trainable in its package, for package and class-path-resource suites. */
public class Linear {

    @Trainable(metric = "y")
    static double fit(@GridSearch({"1", "2", "3"}) int x) {
        return 2.0 * x;
    }
}
