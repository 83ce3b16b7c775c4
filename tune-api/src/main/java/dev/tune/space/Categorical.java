package dev.tune.space;

import java.util.List;
import java.util.random.RandomGenerator;

/** One of a fixed list of values, drawn uniformly (Ray's {@code tune.choice}). */
public record Categorical(List<Object> values) implements Domain {

    public Categorical {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a choice needs at least one value");
        }
        values = List.copyOf(values);
    }

    @Override
    public Object sample(RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    @Override
    public boolean contains(Object value) {
        return values.contains(value);
    }

    @Override
    public String describe() {
        return "choice" + values;
    }
}
