package dev.tune.bench;

import java.util.Arrays;

/**
 * The statistics the benchmark rules ask for: the median of the repeats, and for B5 the median,
 * interquartile range and mean over seeds, with percentiles interpolated linearly as numpy's
 * default does, so that they compare with the Optuna reference.
 */
final class Stats {

    private Stats() {
    }

    /** The median of {@code values}; for an even count, the mean of the middle two. */
    static double median(double... values) {
        return percentile(values, 0.5);
    }

    /** The {@code p} quantile ({@code 0 <= p <= 1}) of {@code values}, linearly interpolated (numpy's default). */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The 75th minus the 25th percentile. */
    static double iqr(double[] values) {
        return percentile(values, 0.75) - percentile(values, 0.25);
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
