package dev.tune.search.gp;

import dev.tune.search.UnitScale;
import dev.tune.space.Categorical;
import dev.tune.space.Domain;
import dev.tune.space.NormalDomain;
import java.util.List;

/**
 * One hyperparameter as a coordinate of the Gaussian process, as Optuna's {@code GPSampler}
 * normalises it:
 *
 * <ul>
 *   <li>float and int domains by their {@link UnitScale}: continuous, or, for a domain of steps,
 *       discrete (the coordinate takes only the values of its grid);</li>
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
    private final UnitScale scale;
    private final NormalDomain normal;
    private final List<Object> categories;

    private Dimension(String name, Kind kind, UnitScale scale, NormalDomain normal, List<Object> categories) {
        this.name = name;
        this.kind = kind;
        this.scale = scale;
        this.normal = normal;
        this.categories = categories;
    }

    /**
     * The coordinate of {@code domain}, or null when the GP does not model it (one value only, or not of these
     * kinds).
     */
    static Dimension of(String name, Domain domain) {
        if (domain instanceof NormalDomain n) {
            return new Dimension(name, Kind.CONTINUOUS, null, n, null);
        }
        if (domain instanceof Categorical c) {
            return c.values().size() > 1 ? new Dimension(name, Kind.CATEGORICAL, null, null, c.values()) : null;
        }
        UnitScale scale = UnitScale.of(domain);
        if (scale == null) {
            return null;
        }
        return new Dimension(name, scale.stepped() ? Kind.DISCRETE : Kind.CONTINUOUS, scale, null, null);
    }

    /** How many values a discrete or categorical coordinate takes; 0 when continuous. */
    long choices() {
        return kind == Kind.CATEGORICAL ? categories.size() : kind == Kind.DISCRETE ? scale.choices() : 0;
    }

    /** The coordinate of choice {@code index} (from 0) of a discrete or categorical coordinate. */
    double choice(long index) {
        return kind == Kind.CATEGORICAL ? index : scale.choice(index);
    }

    /** The index of the choice nearest to coordinate {@code u}, as {@link #decode} rounds. */
    long nearest(double u) {
        if (kind == Kind.CATEGORICAL) {
            return Math.max(0, Math.min(categories.size() - 1, Math.round(u)));
        }
        return scale.nearest(u);
    }

    /** The coordinate for a uniform draw {@code r} in [0, 1): on the grid for discrete and categorical. */
    double fromUniform(double r) {
        if (kind == Kind.CATEGORICAL) {
            return Math.min(categories.size() - 1, (long) Math.floor(r * categories.size()));
        }
        return kind == Kind.DISCRETE ? choice(nearest(r)) : r;
    }

    /** The value at coordinate {@code u}. */
    Object decode(double u) {
        if (kind == Kind.CATEGORICAL) {
            return categories.get((int) nearest(u));
        }
        if (normal != null) {
            double v = normal.mean() + (Math.min(1, Math.max(0, u)) - 0.5) * 6 * normal.sd();
            return normal.q() > 0 ? Domain.quantize(v, normal.q()) : v;
        }
        return scale.decode(u);
    }

    /** The coordinate of {@code value}, or NaN when it is not one of this domain's values. */
    double encode(Object value) {
        if (kind == Kind.CATEGORICAL) {
            int index = Categorical.indexOf(categories, value);
            return index < 0 ? Double.NaN : index;
        }
        if (normal != null) {
            if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                return Double.NaN;
            }
            return (number.doubleValue() - normal.mean()) / (6 * normal.sd()) + 0.5;
        }
        return scale.encode(value);
    }
}
