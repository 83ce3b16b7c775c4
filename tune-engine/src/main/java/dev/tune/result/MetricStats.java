package dev.tune.result;

import dev.tune.Mode;
import java.util.Arrays;

/**
 * What a trial reported for one metric over all its results, enough to compare trials under any
 * {@link Scope}: the last value, the extremes, the running sum, and the last
 * {@value #WINDOW} values. Non-finite values are kept as {@code last} but left out of the others,
 * so NaN or infinity is never chosen as best.
 *
 * @param window the last values, oldest first, at most {@value #WINDOW}
 */
public record MetricStats(double last, double min, double max, double sum, long count, double[] window) {

    /** How many recent values are kept for {@link Scope#lastAvg(int)}. */
    public static final int WINDOW = 10;

    public MetricStats {
        window = window.clone();
    }

    /** The value this metric scores under {@code scope}; NaN when there is none. */
    public double value(Scope scope, Mode mode) {
        switch (scope.kind()) {
            case LAST:
                return last;
            case ALL:
                return count == 0 ? Double.NaN : mode == Mode.MIN ? min : max;
            case AVG:
                return count == 0 ? Double.NaN : sum / count;
            default:
                int n = Math.min(scope.n(), window.length);
                if (n == 0) {
                    return Double.NaN;
                }
                double total = 0;
                for (int i = window.length - n; i < window.length; i++) {
                    total += window[i];
                }
                return total / n;
        }
    }

    @Override
    public double[] window() {
        return window.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricStats s && Double.compare(last, s.last) == 0 && Double.compare(min, s.min) == 0
                && Double.compare(max, s.max) == 0 && Double.compare(sum, s.sum) == 0 && count == s.count
                && Arrays.equals(window, s.window);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(last) * 31 + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return "MetricStats[last=" + last + ", min=" + min + ", max=" + max + ", count=" + count + "]";
    }
}
