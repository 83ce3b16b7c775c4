package com.example;

import dev.tune.result.Trial;
import java.util.function.Function;

/** Names each trial run-<number>, named by class in the POM's options. */
public final class RunNames implements Function<Trial, String> {

    @Override
    public String apply(Trial trial) {
        return "run-" + trial.number();
    }
}
