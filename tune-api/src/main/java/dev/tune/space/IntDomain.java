package dev.tune.space;

import java.util.random.RandomGenerator;

/**
 * An integer in {@code [lower, upper]} (both <b>inclusive</b> here, whatever the Ray function it
 * came from), drawn uniformly on a linear or log scale among the multiples of {@code q}
 * (Ray's {@code randint}, {@code qrandint}, {@code lograndint}, {@code qlograndint}; {@link #randint}
 * and {@link #lograndint} convert Ray's exclusive upper bounds).
 *
 * @param q the step: values are multiples of it; 1 for every integer
 */
public record IntDomain(long lower, long upper, boolean log, double base, long q) implements Domain {

    public IntDomain {
        if (lower > upper) {
            throw new IllegalArgumentException("lower (" + lower + ") must not be above upper (" + upper + ")");
        }
        if (log && lower <= 0) {
            throw new IllegalArgumentException("a log domain needs positive bounds, got lower=" + lower
                    + "; use randint, or a lower bound of at least 1");
        }
        if (log && !(base > 0 && base != 1)) {
            throw new IllegalArgumentException("the log base must be positive and not 1, got " + base);
        }
        if (q < 1) {
            throw new IllegalArgumentException("q must be at least 1, got " + q);
        }
        if (Math.floorDiv(upper, q) < -Math.floorDiv(-lower, q)) {
            throw new IllegalArgumentException("no multiple of q=" + q + " lies in [" + lower + ", " + upper + "]");
        }
    }

    /** Every integer in {@code [lower, upper]}, inclusive. */
    public static IntDomain between(long lower, long upper) {
        return new IntDomain(lower, upper, false, 10, 1);
    }

    /** Ray's {@code randint}: an integer in {@code [lower, upper)}, upper bound exclusive. */
    public static IntDomain randint(long lower, long upper) {
        return new IntDomain(lower, exclusive(lower, upper), false, 10, 1);
    }

    /** Ray's {@code qrandint}: a multiple of {@code q} in {@code [lower, upper]}, upper bound inclusive. */
    public static IntDomain qrandint(long lower, long upper, long q) {
        return new IntDomain(lower, upper, false, 10, q);
    }

    /** Ray's {@code lograndint}: log scale in {@code [lower, upper)}, upper bound exclusive. */
    public static IntDomain lograndint(long lower, long upper, double base) {
        return new IntDomain(lower, exclusive(lower, upper), true, base, 1);
    }

    /** Ray's {@code qlograndint}: log scale, multiples of {@code q} in {@code [lower, upper]}. */
    public static IntDomain qlograndint(long lower, long upper, long q, double base) {
        return new IntDomain(lower, upper, true, base, q);
    }

    private static long exclusive(long lower, long upper) {
        if (upper <= lower) {
            throw new IllegalArgumentException("lower (" + lower + ") must be below upper (" + upper
                    + "); the upper bound is exclusive, as in Ray");
        }
        return upper - 1;
    }

    @Override
    public Object sample(RandomGenerator random) {
        return fromUnit(random.nextDouble());
    }

    /** The value at position {@code u} in [0, 1) of this domain's scale. */
    public long fromUnit(double u) {
        long first = -Math.floorDiv(-lower, q);
        long last = Math.floorDiv(upper, q);
        if (!log) {
            long k = first + (long) Math.floor(u * (double) (last - first + 1));
            return Math.min(k, last) * q;
        }
        double v = Math.exp(Math.log(lower) + u * (Math.log(upper + 1.0) - Math.log(lower)));
        long x = (long) Math.floor(v);
        long k = Math.max(first, Math.min(last, q > 1 ? Math.round((double) x / q) : x));
        return k * q;
    }

    /** How many distinct values this domain has. */
    public long size() {
        return Math.floorDiv(upper, q) + Math.floorDiv(-lower, q) + 1;
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            return false;
        }
        long v = n.longValue();
        return v >= lower && v <= upper && v % q == 0;
    }

    @Override
    public String describe() {
        String kind = (q > 1 ? "q" : "") + (log ? "lograndint" : "randint");
        return kind + "[" + lower + ", " + upper + "]" + (q > 1 ? " q=" + q : "");
    }
}
