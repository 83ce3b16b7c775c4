package dev.tune.space;

import java.util.List;
import java.util.Objects;
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

    /**
     * The position of {@code value} in {@code values}, numbers compared by value (1 equals 1L and
     * 1.0, as a config may hold either), others by {@code equals}; -1 when absent.
     */
    public static int indexOf(List<?> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            Object candidate = values.get(i);
            if (candidate instanceof Number a && value instanceof Number b
                    ? Double.compare(a.doubleValue(), b.doubleValue()) == 0
                    : Objects.equals(candidate, value)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String describe() {
        return "choice" + values;
    }
}
