package dev.tune.space;

import java.util.random.RandomGenerator;

/**
 * A float from a normal distribution, optionally rounded to a multiple of {@code q}
 * (Ray's {@code randn} and {@code qrandn}).
 *
 * @param q the quantum, or 0 for none
 */
public record NormalDomain(double mean, double sd, double q) implements Domain {

    public NormalDomain {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be a finite number, got " + mean);
        }
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("sd must be positive, got " + sd);
        }
        if (q < 0 || !Double.isFinite(q)) {
            throw new IllegalArgumentException("q must be positive, got " + q);
        }
    }

    /** Ray's {@code randn}. */
    public static NormalDomain randn(double mean, double sd) {
        return new NormalDomain(mean, sd, 0);
    }

    /** Ray's {@code qrandn}: rounded to multiples of {@code q}. */
    public static NormalDomain qrandn(double mean, double sd, double q) {
        return new NormalDomain(mean, sd, FloatDomain.positive(q));
    }

    @Override
    public Object sample(RandomGenerator random) {
        double value = mean + sd * random.nextGaussian();
        return q > 0 ? Domain.quantize(value, q) : value;
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue());
    }

    @Override
    public String describe() {
        return (q > 0 ? "qrandn(" : "randn(") + mean + ", " + sd + (q > 0 ? ", q=" + q : "") + ")";
    }
}
