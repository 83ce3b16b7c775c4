package dev.tune.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates one trial's metrics result by result, in constant memory per metric. Not
 * thread-safe: one trial's results arrive in order from one place.
 */
public final class MetricHistory {

    private final Map<String, Accumulator> metrics = new LinkedHashMap<>();

    /** Adds every metric of one result. */
    public void add(Map<String, Double> values) {
        values.forEach(this::add);
    }

    /** Adds one value of one metric. */
    public void add(String name, double value) {
        metrics.computeIfAbsent(name, k -> new Accumulator()).add(value);
    }

    /** An immutable copy of the statistics so far, by metric name in first-reported order. */
    public Map<String, MetricStats> snapshot() {
        Map<String, MetricStats> copy = new LinkedHashMap<>(metrics.size() * 2);
        metrics.forEach((name, acc) -> copy.put(name, acc.snapshot()));
        return Collections.unmodifiableMap(copy);
    }

    private static final class Accumulator {
        private double last = Double.NaN;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;
        private long count;
        private final double[] ring = new double[MetricStats.WINDOW];
        private int ringSize;
        private int ringNext;

        void add(double value) {
            last = value;
            if (!Double.isFinite(value)) {
                return;
            }
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            count++;
            ring[ringNext] = value;
            ringNext = (ringNext + 1) % ring.length;
            ringSize = Math.min(ringSize + 1, ring.length);
        }

        MetricStats snapshot() {
            double[] window = new double[ringSize];
            for (int i = 0; i < ringSize; i++) {
                window[i] = ring[(ringNext - ringSize + i + ring.length) % ring.length];
            }
            return new MetricStats(last, count == 0 ? Double.NaN : min, count == 0 ? Double.NaN : max, sum, count,
                    window);
        }
    }
}
