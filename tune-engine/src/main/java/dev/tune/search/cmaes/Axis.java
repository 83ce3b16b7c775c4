package dev.tune.search.cmaes;

import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.IntDomain;
import dev.tune.space.NormalDomain;

/**
 * One numeric hyperparameter as a coordinate of the box that CMA-ES searches, as Optuna's
 * {@code _SearchSpaceTransform(transform_step=True, transform_0_1=True)} maps it:
 *
 * <ul>
 *   <li>a float domain spans {@code [0, 1]} from its lower to its upper bound, on a log scale
 *       for log domains;</li>
 *   <li>a domain of steps (every int domain, and a float domain with {@code q}) spans from half
 *       a step below its first multiple of {@code q} to half a step above its last, on a log
 *       scale for log domains, so that each value owns an equal share of the coordinate; a
 *       coordinate is rounded to the nearest multiple on output;</li>
 *   <li>a normal domain is unbounded: {@code 0.5 + (v - mean) / (6 sd)}, so that the start
 *       distribution of CMA-ES (mean 0.5, sigma 1/6) is the domain's own.</li>
 * </ul>
 *
 * Int domains give {@link Long} values, as {@link IntDomain#sample} does; the others give
 * {@link Double}.
 */
final class Axis {

    private final Domain domain;
    private final boolean log;
    private final double step;
    private final long first;
    private final long last;
    private final double low;
    private final double high;

    private Axis(Domain domain, boolean log, double step, long first, long last, double low, double high) {
        this.domain = domain;
        this.log = log;
        this.step = step;
        this.first = first;
        this.last = last;
        this.low = low;
        this.high = high;
    }

    /**
     * The axis of {@code domain}, or null when CMA-ES does not model it: not numeric, or with a
     * single value (as Optuna leaves single-valued distributions to the independent sampler).
     */
    static Axis of(Domain domain) {
        if (domain instanceof FloatDomain f) {
            if (f.q() == 0) {
                return new Axis(f, f.log(), 0, 0, 0, scale(f.lower(), f.log()), scale(f.upper(), f.log()));
            }
            long first = (long) Math.ceil(f.lower() / f.q() - 1e-9);
            long last = (long) Math.floor(f.upper() / f.q() + 1e-9);
            return stepped(f, f.log(), f.q(), first, last);
        }
        if (domain instanceof IntDomain i) {
            return stepped(i, i.log(), i.q(), -Math.floorDiv(-i.lower(), i.q()), Math.floorDiv(i.upper(), i.q()));
        }
        if (domain instanceof NormalDomain n) {
            return new Axis(n, false, n.q(), 0, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        return null;
    }

    private static Axis stepped(Domain domain, boolean log, double step, long first, long last) {
        if (log) {
            first = Math.max(first, 1); // a multiple of q above 0: the log scale's half step below it is positive
        }
        if (first >= last) {
            return null;
        }
        return new Axis(domain, log, step, first, last,
                scale(first * step - step / 2, log), scale(last * step + step / 2, log));
    }

    private static double scale(double value, boolean log) {
        return log ? Math.log(value) : value;
    }

    /** False for a normal domain, whose coordinate has no bounds. */
    boolean bounded() {
        return !(domain instanceof NormalDomain);
    }

    /** The value at coordinate {@code u}: in [0, 1] for a bounded axis, any finite number otherwise. */
    Object decode(double u) {
        if (domain instanceof NormalDomain n) {
            double v = n.mean() + (u - 0.5) * 6 * n.sd();
            return n.q() > 0 ? Domain.quantize(v, n.q()) : v;
        }
        if (step == 0) {
            return ((FloatDomain) domain).fromUnit(Math.min(1, Math.max(0, u)));
        }
        double s = low + Math.min(1, Math.max(0, u)) * (high - low);
        double v = log ? Math.exp(s) : s;
        long k = Math.max(first, Math.min(last, Math.round(v / step)));
        if (domain instanceof IntDomain i) {
            return k * i.q();
        }
        return Domain.quantize(k * step, step);
    }

    /** The coordinate of {@code value}, a value of this axis's domain. */
    double encode(Object value) {
        double v = ((Number) value).doubleValue();
        if (domain instanceof NormalDomain n) {
            return 0.5 + (v - n.mean()) / (6 * n.sd());
        }
        return (scale(v, log) - low) / (high - low);
    }
}
