package dev.tune.space;

import java.math.BigDecimal;
import java.util.random.RandomGenerator;

/**
 * Where one hyperparameter's values come from, as Ray's {@code tune.uniform}, {@code tune.choice}
 * and friends: an immutable value that knows its bounds, how to draw a value, and whether a value
 * belongs to it. Searchers read the concrete kind to model the space; everyone else only samples.
 */
public sealed interface Domain
        permits FloatDomain, NormalDomain, IntDomain, Categorical, Grid, SampleFrom, Constant, Conditional {

    /**
     * Draws one value with {@code random}. Grid and sample-from domains are resolved by the
     * {@link Space}, not here, and throw {@link UnsupportedOperationException}.
     */
    Object sample(RandomGenerator random);

    /** True when {@code value} is a value this domain can produce. */
    boolean contains(Object value);

    /** A short description in Ray's vocabulary, e.g. {@code loguniform(0.0001, 0.1)}. */
    String describe();

    /**
     * {@code value} rounded to the nearest multiple of {@code q}, without binary rounding noise (0.3, not
     * 0.30000000000000004).
     */
    static double quantize(double value, double q) {
        double k = Math.rint(value / q);
        return new BigDecimal(Double.toString(q)).multiply(BigDecimal.valueOf((long) k)).doubleValue();
    }
}
