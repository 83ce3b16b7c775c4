package dev.tune.search.cmaes;

import dev.tune.Config;
import dev.tune.space.Domain;
import dev.tune.space.Grid;
import dev.tune.space.SampleFrom;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a {@link Space} splits between CMA-ES and independent sampling, and how a config is put
 * together again: the numeric hyperparameters with more than one value are the coordinates of
 * the box ({@link Axis}); categorical and grid values are drawn uniformly at random; constants
 * are copied; then sample-from values are computed by {@link Space#sample} itself, so they see
 * exactly what they would see in a random search. Values come in the space's declaration order.
 */
final class SpaceLayout {

    private final List<String> names = new ArrayList<>();
    private final List<Domain> domains = new ArrayList<>();
    /** Per declared hyperparameter, its axis or null. */
    private final List<Axis> axisAt = new ArrayList<>();
    private final List<Axis> axes = new ArrayList<>();
    private final Space space;

    SpaceLayout(Space space) {
        this.space = space;
        for (Map.Entry<String, Domain> entry : space.domains().entrySet()) {
            Axis axis = Axis.of(entry.getValue());
            names.add(entry.getKey());
            domains.add(entry.getValue());
            axisAt.add(axis);
            if (axis != null) {
                axes.add(axis);
            }
        }
    }

    /** The number of coordinates CMA-ES searches. */
    int dim() {
        return axes.size();
    }

    /** The lower bound of each coordinate: 0, or minus infinity for a normal domain. */
    double[] lower() {
        double[] bounds = new double[axes.size()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = axes.get(i).bounded() ? 0 : Double.NEGATIVE_INFINITY;
        }
        return bounds;
    }

    /** The upper bound of each coordinate: 1, or infinity for a normal domain. */
    double[] upper() {
        double[] bounds = new double[axes.size()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = axes.get(i).bounded() ? 1 : Double.POSITIVE_INFINITY;
        }
        return bounds;
    }

    /**
     * A config with the numeric values at coordinates {@code x}, or all sampled independently with
     * {@code random} when {@code x} is null; categorical and grid values always come from {@code random}.
     */
    Config config(double[] x, RandomGenerator random) {
        Map<String, Object> values = new LinkedHashMap<>(names.size() * 2);
        int coordinate = 0;
        for (int i = 0; i < names.size(); i++) {
            Domain domain = domains.get(i);
            Axis axis = axisAt.get(i);
            Object value;
            if (axis != null && x != null) {
                value = axis.decode(x[coordinate]);
            } else if (domain instanceof Grid grid) {
                value = grid.values().get(random.nextInt(grid.values().size()));
            } else if (domain instanceof SampleFrom) {
                value = null;
            } else {
                value = domain.sample(random);
            }
            if (axis != null) {
                coordinate++;
            }
            values.put(names.get(i), value);
        }
        // The space itself adds constants, computes sample-from values and drops inactive conditional ones.
        return space.sample(random, values);
    }

    /** The coordinates of the numeric values of {@code config}, one of this layout's configs. */
    double[] encode(Config config) {
        return encodeIfNumeric(config).orElseThrow();
    }

    /**
     * The coordinates of the numeric values of {@code config}, or empty when one of them is
     * missing or not a finite number.
     */
    Optional<double[]> encodeIfNumeric(Config config) {
        double[] x = new double[axes.size()];
        int coordinate = 0;
        for (int i = 0; i < names.size(); i++) {
            Axis axis = axisAt.get(i);
            if (axis != null) {
                Object value = config.has(names.get(i)) ? config.get(names.get(i)) : null;
                if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    return Optional.empty();
                }
                x[coordinate++] = axis.encode(number);
            }
        }
        return Optional.of(x);
    }
}
