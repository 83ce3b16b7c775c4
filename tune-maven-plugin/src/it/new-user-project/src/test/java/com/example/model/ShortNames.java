package com.example.model;

import dev.tune.result.Trial;
import java.util.function.Function;

/** Names each trial ridge-<number>: a trial name creator a configuration parameter names by class. */
public final class ShortNames implements Function<Trial, String> {

    @Override
    public String apply(Trial trial) {
        return "ridge-" + trial.number();
    }
}
