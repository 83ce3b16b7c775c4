package dev.tune.bench;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.SearchSpace;
import dev.tune.Trainable;
import dev.tune.space.Space;
import dev.tune.trainable.Experiment;

/**
 * B4's functions as users write experiments: one class per function whose {@code @SearchSpace}
 * method declares the space and whose {@code @Trainable} method returns the value as the metric
 * {@code value}, minimised. The classes differ only in the {@link B4Function} they name, because
 * tune reads a space from the trainable's class.
 */
final class B4Trainables {

    private B4Trainables() {
    }

    /** The experiment that evaluates {@code function}. */
    static Experiment experiment(B4Function function) {
        return Experiment.of(function.trainable()).get(0);
    }

    static final class Branin {
        private Branin() {
        }

        @SearchSpace
        static Space space() {
            return B4Function.BRANIN.space();
        }

        @Trainable(metric = "value", mode = Mode.MIN)
        static double evaluate(Config config) {
            return B4Function.BRANIN.value(config);
        }
    }

    static final class Hartmann6 {
        private Hartmann6() {
        }

        @SearchSpace
        static Space space() {
            return B4Function.HARTMANN6.space();
        }

        @Trainable(metric = "value", mode = Mode.MIN)
        static double evaluate(Config config) {
            return B4Function.HARTMANN6.value(config);
        }
    }

    static final class Rosenbrock4 {
        private Rosenbrock4() {
        }

        @SearchSpace
        static Space space() {
            return B4Function.ROSENBROCK4.space();
        }

        @Trainable(metric = "value", mode = Mode.MIN)
        static double evaluate(Config config) {
            return B4Function.ROSENBROCK4.value(config);
        }
    }

    static final class Ackley5 {
        private Ackley5() {
        }

        @SearchSpace
        static Space space() {
            return B4Function.ACKLEY5.space();
        }

        @Trainable(metric = "value", mode = Mode.MIN)
        static double evaluate(Config config) {
            return B4Function.ACKLEY5.value(config);
        }
    }

    static final class Levy4 {
        private Levy4() {
        }

        @SearchSpace
        static Space space() {
            return B4Function.LEVY4.space();
        }

        @Trainable(metric = "value", mode = Mode.MIN)
        static double evaluate(Config config) {
            return B4Function.LEVY4.value(config);
        }
    }

    static final class StyblinskiTang8 {
        private StyblinskiTang8() {
        }

        @SearchSpace
        static Space space() {
            return B4Function.STYBLINSKI_TANG8.space();
        }

        @Trainable(metric = "value", mode = Mode.MIN)
        static double evaluate(Config config) {
            return B4Function.STYBLINSKI_TANG8.value(config);
        }
    }

    static final class Mixed {
        private Mixed() {
        }

        @SearchSpace
        static Space space() {
            return B4Function.MIXED.space();
        }

        @Trainable(metric = "value", mode = Mode.MIN)
        static double evaluate(Config config) {
            return B4Function.MIXED.value(config);
        }
    }
}
