package dev.tune.bench;

import java.util.Arrays;

/** The one statistic the benchmark rules ask for: the median of the repeats. */
final class Stats {

    private Stats() {
    }

    /** The median of {@code values}; for an even count, the mean of the middle two. */
    static double median(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
