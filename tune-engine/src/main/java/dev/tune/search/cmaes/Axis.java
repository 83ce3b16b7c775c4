package dev.tune.search.cmaes;

import dev.tune.search.UnitScale;
import dev.tune.space.Domain;
import dev.tune.space.NormalDomain;

/**
 * One numeric hyperparameter as a coordinate of the box that CMA-ES searches, as Optuna's
 * {@code _SearchSpaceTransform(transform_step=True, transform_0_1=True)} maps it: float and int
 * domains by their {@link UnitScale}; a normal domain is unbounded,
 * {@code 0.5 + (v - mean) / (6 sd)}, so that the start distribution of CMA-ES (mean 0.5, sigma
 * 1/6) is the domain's own.
 */
final class Axis {

    private final UnitScale scale;
    private final NormalDomain normal;

    private Axis(UnitScale scale, NormalDomain normal) {
        this.scale = scale;
        this.normal = normal;
    }

    /**
     * The axis of {@code domain}, or null when CMA-ES does not model it: not numeric, or with a
     * single value (as Optuna leaves single-valued distributions to the independent sampler).
     */
    static Axis of(Domain domain) {
        if (domain instanceof NormalDomain n) {
            return new Axis(null, n);
        }
        UnitScale scale = UnitScale.of(domain);
        return scale == null ? null : new Axis(scale, null);
    }

    /** False for a normal domain, whose coordinate has no bounds. */
    boolean bounded() {
        return normal == null;
    }

    /** The value at coordinate {@code u}: in [0, 1] for a bounded axis, any finite number otherwise. */
    Object decode(double u) {
        if (normal != null) {
            double v = normal.mean() + (u - 0.5) * 6 * normal.sd();
            return normal.q() > 0 ? Domain.quantize(v, normal.q()) : v;
        }
        return scale.decode(u);
    }

    /** The coordinate of {@code value}, a value of this axis's domain. */
    double encode(Object value) {
        if (normal != null) {
            return 0.5 + (((Number) value).doubleValue() - normal.mean()) / (6 * normal.sd());
        }
        return scale.encode(value);
    }
}
