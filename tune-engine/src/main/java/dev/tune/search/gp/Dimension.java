package dev.tune.search.gp;

import dev.tune.space.Categorical;
import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.IntDomain;
import dev.tune.space.NormalDomain;
import java.util.List;

/**
 * One hyperparameter as a coordinate of the Gaussian process, as Optuna's {@code GPSampler}
 * normalises it:
 *
 * <ul>
 *   <li>a float domain spans {@code [0, 1]} from its lower to its upper bound, on a log scale for
 *       log domains (continuous);</li>
 *   <li>a domain of steps (every int domain, a float domain with {@code q}) spans from half a step
 *       below its first multiple of {@code q} to half a step above its last, on a log scale for log
 *       domains; its coordinate takes only the values of its grid (discrete);</li>
 *   <li>a categorical domain's coordinate is the index of its value, compared by equality only
 *       (the kernel's Hamming term);</li>
 *   <li>a normal domain (which Optuna lacks) is continuous, {@code [0, 1]} spanning its mean plus
 *       or minus three standard deviations.</li>
 * </ul>
 */
final class Dimension {

    enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

    final String name;
    final Kind kind;
    private final Domain domain;
    private final boolean log;
    private final double step;
    private final long first;
    private final long last;
    private final double low;
    private final double high;

    private Dimension(String name, Kind kind, Domain domain, boolean log, double step, long first, long last,
            double low, double high) {
        this.name = name;
        this.kind = kind;
        this.domain = domain;
        this.log = log;
        this.step = step;
        this.first = first;
        this.last = last;
        this.low = low;
        this.high = high;
    }

    /** The coordinate of {@code domain}, or null when the GP does not model it (one value only, or not of these kinds). */
    static Dimension of(String name, Domain domain) {
        if (domain instanceof FloatDomain f) {
            if (f.q() == 0) {
                return new Dimension(name, Kind.CONTINUOUS, f, f.log(), 0, 0, 0, scale(f.lower(), f.log()),
                        scale(f.upper(), f.log()));
            }
            long first = (long) Math.ceil(f.lower() / f.q() - 1e-9);
            long last = (long) Math.floor(f.upper() / f.q() + 1e-9);
            return stepped(name, f, f.log(), f.q(), first, last);
        }
        if (domain instanceof IntDomain i) {
            return stepped(name, i, i.log(), i.q(), -Math.floorDiv(-i.lower(), i.q()), Math.floorDiv(i.upper(), i.q()));
        }
        if (domain instanceof NormalDomain n) {
            return new Dimension(name, Kind.CONTINUOUS, n, false, 0, 0, 0, n.mean() - 3 * n.sd(), n.mean() + 3 * n.sd());
        }
        if (domain instanceof Categorical c && c.values().size() > 1) {
            return new Dimension(name, Kind.CATEGORICAL, c, false, 0, 0, c.values().size() - 1, 0, 0);
        }
        return null;
    }

    private static Dimension stepped(String name, Domain domain, boolean log, double step, long first, long last) {
        if (log) {
            first = Math.max(first, 1);
        }
        if (first >= last) {
            return null;
        }
        return new Dimension(name, Kind.DISCRETE, domain, log, step, first, last,
                scale(first * step - step / 2, log), scale(last * step + step / 2, log));
    }

    private static double scale(double value, boolean log) {
        return log ? Math.log(value) : value;
    }

    /** How many values a discrete or categorical coordinate takes; 0 when continuous. */
    long choices() {
        return kind == Kind.CONTINUOUS ? 0 : last - first + 1;
    }

    /** The coordinate of choice {@code index} (from 0) of a discrete or categorical coordinate. */
    double choice(long index) {
        if (kind == Kind.CATEGORICAL) {
            return index;
        }
        return (scale((first + index) * step, log) - low) / (high - low);
    }

    /** The index of the choice nearest to coordinate {@code u}, as {@link #decode} rounds. */
    long nearest(double u) {
        if (kind == Kind.CATEGORICAL) {
            return Math.max(0, Math.min(last, Math.round(u)));
        }
        double v = low + Math.min(1, Math.max(0, u)) * (high - low);
        return Math.max(first, Math.min(last, Math.round((log ? Math.exp(v) : v) / step))) - first;
    }

    /** The coordinate for a uniform draw {@code r} in [0, 1): on the grid for discrete and categorical. */
    double fromUniform(double r) {
        if (kind == Kind.CATEGORICAL) {
            return Math.min(last, (long) Math.floor(r * (last + 1)));
        }
        return kind == Kind.DISCRETE ? choice(nearest(r)) : r;
    }

    /** The value at coordinate {@code u}. */
    Object decode(double u) {
        if (kind == Kind.CATEGORICAL) {
            return ((Categorical) domain).values().get((int) nearest(u));
        }
        if (domain instanceof NormalDomain n) {
            double v = low + Math.min(1, Math.max(0, u)) * (high - low);
            return n.q() > 0 ? Domain.quantize(v, n.q()) : v;
        }
        if (kind == Kind.CONTINUOUS) {
            return ((FloatDomain) domain).fromUnit(Math.min(1, Math.max(0, u)));
        }
        long k = first + nearest(u);
        if (domain instanceof IntDomain i) {
            return k * i.q();
        }
        return Domain.quantize(k * step, step);
    }

    /** The coordinate of {@code value}, or NaN when it is not one of this domain's values. */
    double encode(Object value) {
        if (kind == Kind.CATEGORICAL) {
            List<Object> values = ((Categorical) domain).values();
            int index = Categorical.indexOf(values, value);
            return index < 0 ? Double.NaN : index;
        }
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
