package dev.tune.space;

import dev.tune.Config;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A value computed from the other values of the same trial (Ray's {@code tune.sample_from}). The
 * function sees every value declared before it, including earlier computed ones. Returning
 * {@code null} leaves the hyperparameter out of this trial's config: a conditional parameter.
 */
public record SampleFrom(Function<Config, Object> function) implements Domain {

    public SampleFrom {
        Objects.requireNonNull(function, "function");
    }

    @Override
    public Object sample(RandomGenerator random) {
        throw new UnsupportedOperationException("sample-from values are computed by the Space from the other values");
    }

    @Override
    public boolean contains(Object value) {
        return true;
    }

    @Override
    public String describe() {
        return "sample_from(fn)";
    }
}
