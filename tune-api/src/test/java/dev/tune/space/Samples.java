package dev.tune.space;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws many values from a domain with a fixed seed, so that statistical tests are deterministic. */
final class Samples {

    static final int MANY = 20_000;

    private Samples() {
    }

    static List<Object> draw(Domain domain, int count) {
        SplittableRandom random = new SplittableRandom(20240613L);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(domain.sample(random));
        }
        return values;
    }

    static List<Double> doubles(Domain domain) {
        return draw(domain, MANY).stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    static List<Long> longs(Domain domain) {
        return draw(domain, MANY).stream().map(v -> (Long) v).toList();
    }

    static double fraction(List<? extends Number> values, double from, double to) {
        return values.stream().filter(v -> v.doubleValue() >= from && v.doubleValue() < to).count()
                / (double) values.size();
    }
}
