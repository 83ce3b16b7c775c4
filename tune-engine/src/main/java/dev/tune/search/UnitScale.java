package dev.tune.search;

import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.IntDomain;

/**
 * Where the values of a bounded numeric domain sit on {@code [0, 1]}, as Optuna's
 * {@code _SearchSpaceTransform(transform_step=True, transform_0_1=True)} puts them, for searchers
 * that model coordinates (CMA-ES, the Gaussian process):
 *
 * <ul>
 *   <li>a float domain spans {@code [0, 1]} from its lower to its upper bound, on a log scale for
 *       log domains;</li>
 *   <li>a domain of steps (every int domain, and a float domain with {@code q}) spans from half a
 *       step below its first multiple of {@code q} to half a step above its last, on a log scale
 *       for log domains, so each value owns an equal share; a coordinate is rounded to the nearest
 *       multiple on output.</li>
 * </ul>
 *
 * Int domains give {@link Long} values, as {@link IntDomain#sample} does; float domains give
 * {@link Double}.
 */
public final class UnitScale {

    private final Domain domain;
    private final boolean log;
    private final double step;
    private final long first;
    private final long last;
    private final double low;
    private final double high;

    private UnitScale(Domain domain, boolean log, double step, long first, long last, double low, double high) {
        this.domain = domain;
        this.log = log;
        this.step = step;
        this.first = first;
        this.last = last;
        this.low = low;
        this.high = high;
    }

    /** The scale of a float or int {@code domain}; null for other domains and for a domain of one value. */
    public static UnitScale of(Domain domain) {
        if (domain instanceof FloatDomain f) {
            if (f.q() == 0) {
                return new UnitScale(f, f.log(), 0, 0, 0, scale(f.lower(), f.log()), scale(f.upper(), f.log()));
            }
            long first = (long) Math.ceil(f.lower() / f.q() - 1e-9);
            long last = (long) Math.floor(f.upper() / f.q() + 1e-9);
            return stepped(f, f.log(), f.q(), first, last);
        }
        if (domain instanceof IntDomain i) {
            return stepped(i, i.log(), i.q(), -Math.floorDiv(-i.lower(), i.q()), Math.floorDiv(i.upper(), i.q()));
        }
        return null;
    }

    private static UnitScale stepped(Domain domain, boolean log, double step, long first, long last) {
        if (log) {
            first = Math.max(first, 1); // a multiple of q above 0: the log scale's half step below it is positive
        }
        if (first >= last) {
            return null;
        }
        return new UnitScale(domain, log, step, first, last,
                scale(first * step - step / 2, log), scale(last * step + step / 2, log));
    }

    private static double scale(double value, boolean log) {
        return log ? Math.log(value) : value;
    }

    /** True for a domain of steps, whose coordinate stands for one of {@link #choices()} values. */
    public boolean stepped() {
        return step > 0;
    }

    /** How many values a domain of steps takes; 0 for a continuous one. */
    public long choices() {
        return stepped() ? last - first + 1 : 0;
    }

    /** The index (from 0) of the value nearest to coordinate {@code u} of a domain of steps. */
    public long nearest(double u) {
        double s = low + Math.min(1, Math.max(0, u)) * (high - low);
        return Math.max(first, Math.min(last, Math.round((log ? Math.exp(s) : s) / step))) - first;
    }

    /** The coordinate of value {@code index} (from 0) of a domain of steps. */
    public double choice(long index) {
        return (scale((first + index) * step, log) - low) / (high - low);
    }

    /** The value at coordinate {@code u}, clipped to {@code [0, 1]}. */
    public Object decode(double u) {
        if (!stepped()) {
            return ((FloatDomain) domain).fromUnit(Math.min(1, Math.max(0, u)));
        }
        long k = first + nearest(u);
        if (domain instanceof IntDomain i) {
            return k * i.q();
        }
        return Domain.quantize(k * step, step);
    }

    /** The coordinate of {@code value}, or NaN when it is not a finite number this scale can place. */
    public double encode(Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            return Double.NaN;
        }
        double v = number.doubleValue();
        if (log && v <= 0) {
            return Double.NaN;
        }
        return (scale(v, log) - low) / (high - low);
    }
}
