package dev.tune.space;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** A fixed value that every trial gets (a plain value in Ray's {@code param_space}). */
public record Constant(Object value) implements Domain {

    public Constant {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public Object sample(RandomGenerator random) {
        return value;
    }

    @Override
    public boolean contains(Object candidate) {
        return value.equals(candidate);
    }

    @Override
    public String describe() {
        return String.valueOf(value);
    }
}
