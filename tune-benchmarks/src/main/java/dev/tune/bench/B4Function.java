package dev.tune.bench;

import dev.tune.Config;
import dev.tune.space.IntDomain;
import dev.tune.space.Space;
import dev.tune.space.SpaceBuilder;
import java.util.Arrays;

/**
 * One of B4's seven functions as an experiment sees it: its name in the Optuna reference, its known
 * optimum f*, its search space (parameters {@code x0..x{d-1}} suggested in order, or c, n, x, y for
 * the mixed function) and its value for a trial's config. The formulas are in {@link B4Functions};
 * {@link B4Trainables} holds the trainable that runs each one through the public API.
 *
 * <p>Float bounds are closed in BENCHMARKS.md; tune's {@code uniform} draws from {@code [lower, upper)},
 * which differs from the closed interval on a set of measure zero only. The integer {@code n} of the
 * mixed function takes every value of {@code [1, 20]}, both ends included.
 */
enum B4Function {

    BRANIN("branin", 0.3978873577297384, B4Trainables.Branin.class, new double[] {-5, 0}, new double[] {10, 15}) {
        @Override
        double value(double[] x) {
            return B4Functions.branin(x[0], x[1]);
        }
    },
    HARTMANN6("hartmann6", -3.322368011415515, B4Trainables.Hartmann6.class, filled(6, 0), filled(6, 1)) {
        @Override
        double value(double[] x) {
            return B4Functions.hartmann6(x);
        }
    },
    ROSENBROCK4("rosenbrock4", 0, B4Trainables.Rosenbrock4.class, filled(4, -5), filled(4, 10)) {
        @Override
        double value(double[] x) {
            return B4Functions.rosenbrock(x);
        }
    },
    ACKLEY5("ackley5", 0, B4Trainables.Ackley5.class, filled(5, -32.768), filled(5, 32.768)) {
        @Override
        double value(double[] x) {
            return B4Functions.ackley(x);
        }
    },
    LEVY4("levy4", 0, B4Trainables.Levy4.class, filled(4, -10), filled(4, 10)) {
        @Override
        double value(double[] x) {
            return B4Functions.levy(x);
        }
    },
    STYBLINSKI_TANG8("styblinski_tang8", -313.3293256301714, B4Trainables.StyblinskiTang8.class, filled(8, -5),
            filled(8, 5)) {
        @Override
        double value(double[] x) {
            return B4Functions.styblinskiTang(x);
        }
    },
    /** c in {a, b, c}, n in [1, 20], x and y in [-5, 5]: its float part is {@link #lower()}/{@link #upper()}. */
    MIXED("mixed", 0, B4Trainables.Mixed.class, new double[] {-5, -5}, new double[] {5, 5}) {
        @Override
        double value(double[] x) {
            throw new UnsupportedOperationException("the mixed function needs c and n: use value(Config)");
        }

        @Override
        double value(Config config) {
            return B4Functions.mixed(config.getString("c"), config.getInt("n"), config.getDouble("x"),
                    config.getDouble("y"));
        }

        @Override
        Space space() {
            return Space.builder().choice("c", (Object[]) B4Functions.MIXED_CATEGORIES)
                    .add("n", IntDomain.between(1, 20)).uniform("x", lower()[0], upper()[0])
                    .uniform("y", lower()[1], upper()[1]).build();
        }
    };

    private final String id;
    private final double optimum;
    private final Class<?> trainable;
    private final double[] lower;
    private final double[] upper;

    B4Function(String id, double optimum, Class<?> trainable, double[] lower, double[] upper) {
        this.id = id;
        this.optimum = optimum;
        this.trainable = trainable;
        this.lower = lower;
        this.upper = upper;
    }

    /** The name in BENCHMARKS.md's tables and the reference JSON, e.g. {@code styblinski_tang8}. */
    String id() {
        return id;
    }

    /** f*, the known minimum ("Known optima used" of BENCHMARKS.md). */
    double optimum() {
        return optimum;
    }

    /** The class whose {@code @Trainable} method evaluates this function. */
    Class<?> trainable() {
        return trainable;
    }

    /** The float parameters' lower bounds, in suggestion order (a copy). */
    double[] lower() {
        return lower.clone();
    }

    /** The float parameters' upper bounds, in suggestion order (a copy). */
    double[] upper() {
        return upper.clone();
    }

    /** The value at a point of the float parameters {@code x0..x{d-1}}. */
    abstract double value(double[] x);

    /** The value for a trial's config. */
    double value(Config config) {
        double[] x = new double[lower.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = config.getDouble("x" + i);
        }
        return value(x);
    }

    /** The search space: {@code x0..x{d-1}} uniform within the bounds, in that order. */
    Space space() {
        SpaceBuilder builder = Space.builder();
        for (int i = 0; i < lower.length; i++) {
            builder.uniform("x" + i, lower[i], upper[i]);
        }
        return builder.build();
    }

    /** The function named {@code id}, as in the reference JSON. */
    static B4Function byId(String id) {
        for (B4Function f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no B4 function '" + id + "'; known: " + Arrays.toString(ids()));
    }

    static String[] ids() {
        String[] ids = new String[values().length];
        for (B4Function f : values()) {
            ids[f.ordinal()] = f.id;
        }
        return ids;
    }

    private static double[] filled(int length, double value) {
        double[] a = new double[length];
        Arrays.fill(a, value);
        return a;
    }
}
