package dev.tune.search.gp;

import dev.tune.Config;
import dev.tune.space.Domain;
import dev.tune.space.Grid;
import dev.tune.space.SampleFrom;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How a {@link Space} splits between the Gaussian process and independent sampling, as CMA-ES's
 * layout does: float, int, normal and categorical hyperparameters with more than one value that
 * every config has (not conditional) are the GP's coordinates ({@link Dimension}); grid values are
 * drawn uniformly at random; conditional hyperparameters are drawn independently from their
 * domains; constants are copied; sample-from values are computed by {@link Space#sample}, which
 * also drops inactive conditional values.
 */
final class GpSpace {

    private final Space space;
    private final List<Dimension> dimensions = new ArrayList<>();
    private final boolean[] categorical;
    private final int[] continuous;
    private final int[] discrete;

    GpSpace(Space space) {
        this.space = space;
        for (Map.Entry<String, Domain> entry : space.domains().entrySet()) {
            Dimension dimension = Dimension.of(entry.getKey(), entry.getValue());
            if (dimension != null) {
                dimensions.add(dimension);
            }
        }
        int dim = dimensions.size();
        categorical = new boolean[dim];
        List<Integer> cont = new ArrayList<>();
        List<Integer> disc = new ArrayList<>();
        for (int d = 0; d < dim; d++) {
            Dimension.Kind kind = dimensions.get(d).kind;
            categorical[d] = kind == Dimension.Kind.CATEGORICAL;
            (kind == Dimension.Kind.CONTINUOUS ? cont : disc).add(d);
        }
        continuous = cont.stream().mapToInt(Integer::intValue).toArray();
        discrete = disc.stream().mapToInt(Integer::intValue).toArray();
    }

    int dim() {
        return dimensions.size();
    }

    Dimension dimension(int d) {
        return dimensions.get(d);
    }

    boolean[] categorical() {
        return categorical.clone();
    }

    /** The indices of the continuous coordinates. */
    int[] continuous() {
        return continuous.clone();
    }

    /** The indices of the discrete and categorical coordinates. */
    int[] discrete() {
        return discrete.clone();
    }

    /** The coordinates of a uniform point {@code r} of the unit cube: discrete ones on their grid. */
    double[] fromUniform(double[] r) {
        double[] x = new double[dimensions.size()];
        for (int d = 0; d < x.length; d++) {
            x[d] = dimensions.get(d).fromUniform(r[d]);
        }
        return x;
    }

    /** The coordinates of {@code config}, or null when one of them is missing or not a value of its domain. */
    double[] encode(Config config) {
        double[] x = new double[dimensions.size()];
        for (int d = 0; d < x.length; d++) {
            String name = dimensions.get(d).name;
            Object value = config.has(name) ? config.get(name) : null;
            x[d] = value == null ? Double.NaN : dimensions.get(d).encode(value);
            if (Double.isNaN(x[d])) {
                return null;
            }
        }
        return x;
    }

    /**
     * A config with the modelled values at coordinates {@code x}, or every value drawn with
     * {@code random} when {@code x} is null; the others always come from {@code random}.
     */
    Config config(double[] x, RandomGenerator random) {
        Map<String, Object> values = new LinkedHashMap<>();
        int d = 0;
        for (Map.Entry<String, Domain> entry : space.domains().entrySet()) {
            Domain domain = entry.getValue();
            boolean modelled = d < dimensions.size() && dimensions.get(d).name.equals(entry.getKey());
            if (modelled && x != null) {
                values.put(entry.getKey(), dimensions.get(d).decode(x[d]));
            } else if (domain instanceof Grid grid) {
                values.put(entry.getKey(), grid.values().get(random.nextInt(grid.values().size())));
            } else if (!(domain instanceof SampleFrom)) {
                values.put(entry.getKey(), domain.sample(random));
            }
            if (modelled) {
                d++;
            }
        }
        return space.sample(random, values);
    }
}
