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
 *
 * <p>B4's trials take no time. {@link #pauseMillis} makes each one sleep first, so that trials
 * run in parallel overlap as they would on a cluster (B4W); B4 leaves it at 0.
 */
final class B4Trainables {

    private static volatile long pause;

    private B4Trainables() {
    }

    /** Makes every trial sleep {@code millis} before it evaluates its function; 0, the default, for none. */
    static void pauseMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a pause is 0 ms or more, got " + millis);
        }
        pause = millis;
    }

    private static void pause() {
        long millis = pause;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("a B4 trial was interrupted in its pause", e);
            }
        }
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
            pause();
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
            pause();
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
            pause();
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
            pause();
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
            pause();
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
            pause();
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
            pause();
            return B4Function.MIXED.value(config);
        }
    }
}
