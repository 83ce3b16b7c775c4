package dev.tune.samples;

import dev.tune.Seed;
import dev.tune.Trainable;
import dev.tune.Uniform;

/**
 * Sample 10: model-based search against random search, on the same budget.
 *
 * <p>Both experiments minimise the Branin function, a classic test of search quality (three equal
 * minima of 0.397887 in a 15 x 15 box, and a long curved valley), with 60 trials one at a time and
 * the same seed. Random search spends every trial blindly. TPE, Optuna's default searcher and
 * tune's {@code tpe}, spends the first 10 at random, then fits one density to the best trials and
 * one to the rest, and tries where the ratio of good to bad is highest; it ends much closer to
 * the minimum. Gaussian-process search ({@code gp}, as Optuna's {@code GPSampler}) fits a smooth
 * model of the function to every completed trial and tries where the expected improvement is
 * highest: on two smooth dimensions it ends closer still, for more work per trial (milliseconds
 * here). Run all three with {@code -Dsample='model-based-*'}: the result summaries print one after
 * the other.
 */
public final class TuneSample_10_ModelBasedSearch {

    private TuneSample_10_ModelBasedSearch() {
    }

    @Trainable(name = "model-based-tpe", metric = "value", samples = 60, maxConcurrentTrials = 1, searcher = "tpe")
    @Seed(10)
    static double withTpe(@Uniform(lower = -5, upper = 10) double x, @Uniform(lower = 0, upper = 15) double y) {
        return branin(x, y);
    }

    @Trainable(name = "model-based-random", metric = "value", samples = 60, maxConcurrentTrials = 1,
            searcher = "random")
    @Seed(10)
    static double withRandom(@Uniform(lower = -5, upper = 10) double x, @Uniform(lower = 0, upper = 15) double y) {
        return branin(x, y);
    }

    @Trainable(name = "model-based-gp", metric = "value", samples = 60, maxConcurrentTrials = 1, searcher = "gp")
    @Seed(10)
    static double withGp(@Uniform(lower = -5, upper = 10) double x, @Uniform(lower = 0, upper = 15) double y) {
        return branin(x, y);
    }

    /** Branin-Hoo: minimum 0.397887 at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475). */
    static double branin(double x, double y) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double t = y - b * x * x + 5 / Math.PI * x - 6;
        return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
    }
}
