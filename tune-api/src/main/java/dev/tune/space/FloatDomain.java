package dev.tune.space;

import java.util.random.RandomGenerator;

/**
 * A float between {@code lower} and {@code upper}, drawn uniformly on a linear or log scale and
 * optionally rounded to a multiple of {@code q} (Ray's {@code uniform}, {@code quniform},
 * {@code loguniform}, {@code qloguniform}). Without {@code q} the upper bound is exclusive; with
 * {@code q} values are multiples of {@code q} within {@code [lower, upper]}.
 *
 * @param log whether values are uniform in log space (both bounds must then be positive)
 * @param base the logarithm's base, kept for descriptions; sampling does not depend on it
 * @param q the quantum, or 0 for none
 */
public record FloatDomain(double lower, double upper, boolean log, double base, double q) implements Domain {

    public FloatDomain {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("bounds must be finite numbers, got lower=" + lower
                    + ", upper=" + upper);
        }
        if (!(lower < upper)) {
            throw new IllegalArgumentException("lower (" + lower + ") must be below upper (" + upper + ")");
        }
        if (log && lower <= 0) {
            throw new IllegalArgumentException("a log domain needs positive bounds, got lower=" + lower
                    + "; use a uniform domain, or a lower bound above 0");
        }
        if (log && !(base > 0 && base != 1)) {
            throw new IllegalArgumentException("the log base must be positive and not 1, got " + base);
        }
        if (q < 0 || !Double.isFinite(q)) {
            throw new IllegalArgumentException("q must be positive, got " + q);
        }
        if (q > 0 && Math.ceil(lower / q - 1e-9) > Math.floor(upper / q + 1e-9)) {
            throw new IllegalArgumentException("no multiple of q=" + q + " lies in [" + lower + ", " + upper + "]");
        }
    }

    /** Uniform in {@code [lower, upper)}. */
    public static FloatDomain uniform(double lower, double upper) {
        return new FloatDomain(lower, upper, false, 10, 0);
    }

    /** Log-uniform in {@code [lower, upper)}. */
    public static FloatDomain logUniform(double lower, double upper) {
        return new FloatDomain(lower, upper, true, 10, 0);
    }

    /** Ray's {@code quniform}: multiples of {@code q} in {@code [lower, upper]}. */
    public static FloatDomain quniform(double lower, double upper, double q) {
        return new FloatDomain(lower, upper, false, 10, positive(q));
    }

    /** Ray's {@code loguniform} with a base. */
    public static FloatDomain loguniform(double lower, double upper, double base) {
        return new FloatDomain(lower, upper, true, base, 0);
    }

    /** Ray's {@code qloguniform}: log scale, multiples of {@code q} in {@code [lower, upper]}. */
    public static FloatDomain qloguniform(double lower, double upper, double q, double base) {
        return new FloatDomain(lower, upper, true, base, positive(q));
    }

    static double positive(double q) {
        if (!(q > 0)) {
            throw new IllegalArgumentException("q must be positive, got " + q);
        }
        return q;
    }

    @Override
    public Object sample(RandomGenerator random) {
        double u = random.nextDouble();
        return fromUnit(u);
    }

    /** The value at position {@code u} in [0, 1) of this domain's scale, quantized if asked. */
    public double fromUnit(double u) {
        double value = log
                ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower)))
                : lower + u * (upper - lower);
        if (q > 0) {
            value = clampToGrid(Domain.quantize(value, q));
        } else if (value >= upper) {
            value = Math.nextDown(upper);
        } else if (value < lower) {
            value = lower; // exp(log(lower)) can round to just below lower
        }
        return value;
    }

    private double clampToGrid(double value) {
        if (value < lower) {
            value = Domain.quantize(Math.ceil(lower / q - 1e-9) * q, q);
        }
        if (value > upper) {
            value = Domain.quantize(Math.floor(upper / q + 1e-9) * q, q);
        }
        return value;
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Number n)) {
            return false;
        }
        double v = n.doubleValue();
        return q > 0 ? v >= lower - 1e-12 && v <= upper + 1e-12 : v >= lower && v < upper;
    }

    @Override
    public String describe() {
        String kind = (q > 0 ? "q" : "") + (log ? "loguniform" : "uniform");
        return kind + "(" + lower + ", " + upper + (q > 0 ? ", q=" + q : "")
                + (log && base != 10 ? ", base=" + base : "") + ")";
    }
}
