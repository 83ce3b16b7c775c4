package dev.tune.junit.examples;

import dev.tune.result.Trial;
import java.util.function.Function;

/** Names each trial {@code run-<number>}: a trial name creator named by class in a configuration parameter. */
public final class RunNames implements Function<Trial, String> {

    @Override
    public String apply(Trial trial) {
        return "run-" + trial.number();
    }
}
