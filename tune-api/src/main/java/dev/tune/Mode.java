package dev.tune;

/**
 * Whether a metric is better when smaller ({@link #MIN}) or larger ({@link #MAX}), as Ray's
 * {@code mode="min"} and {@code mode="max"}.
 */
public enum Mode {
    /** Smaller is better: losses, errors, regrets. */
    MIN,
    /** Larger is better: accuracies, rewards, scores. */
    MAX;

    /** True when {@code candidate} is strictly better than {@code incumbent} in this mode. */
    public boolean isBetter(double candidate, double incumbent) {
        return this == MIN ? candidate < incumbent : candidate > incumbent;
    }

    /** The value that every finite value improves on: +inf for MIN, -inf for MAX. */
    public double worst() {
        return this == MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
}
