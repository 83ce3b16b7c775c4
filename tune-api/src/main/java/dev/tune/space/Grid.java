package dev.tune.space;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Every one of a list of values, in order (Ray's {@code tune.grid_search}): the experiment runs
 * the cross product of all grid domains. It is enumerated by the searcher, never sampled.
 */
public record Grid(List<Object> values) implements Domain {

    public Grid {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a grid search needs at least one value");
        }
        values = List.copyOf(values);
    }

    @Override
    public Object sample(RandomGenerator random) {
        throw new UnsupportedOperationException("grid values are enumerated, not sampled");
    }

    @Override
    public boolean contains(Object value) {
        return values.contains(value);
    }

    @Override
    public String describe() {
        return "grid" + values;
    }
}
