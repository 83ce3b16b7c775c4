package com.example.model;

import dev.tune.GridSearch;
import dev.tune.Trainable;
import java.nio.file.Files;
import java.nio.file.Path;

/** A model whose second grid point fails the first time only, as a lost connection would. */
public class Flaky {

    @Trainable(metric = "y")
    public static double fit(@GridSearch({"1", "2", "3"}) int x) throws Exception {
        Path marker = Path.of("target", "failed-once");
        if (x == 2 && !Files.exists(marker)) {
            Files.createFile(marker);
            throw new IllegalStateException("lost the connection at x=2");
        }
        return x;
    }
}
