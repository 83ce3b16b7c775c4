package com.example;

import dev.tune.GridSearch;
import dev.tune.Trainable;

/** A trainable method in the test sources, found as well. */
public final class Search {

    private Search() {
    }

    @Trainable(name = "grid")
    static double grid(@GridSearch({"1", "2", "3"}) int k) {
        throw new IllegalStateException("tune:list must not run trials");
    }
}
