package dev.tune.search.gp;

import dev.tune.search.Halton;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximises the acquisition over the GP's coordinates as Optuna's {@code optimize_acqf_mixed}:
 * {@code candidates} scrambled Halton points (discrete coordinates on their grid) are scored; the
 * best of them, {@code localSearches - 2} more drawn by a roulette wheel with weights
 * {@code exp(acq - max)} (so in proportion to the expected improvement), and the warm starts (the
 * best trial so far) each start a local search; the best end point wins.
 *
 * <p>A local search alternates, until nothing changes: the bounded quasi-Newton method on the
 * continuous coordinates, each scaled by its lengthscale (Optuna's preconditioning), with the
 * others fixed; then each discrete coordinate in turn: every choice when it has at most 16 (every
 * categorical one), else the grid points 1, 2, 4, 8, ... steps either side.
 */
final class AcquisitionOptimizer {

    private static final int EXHAUSTIVE_CHOICES = 16;
    private static final int MAX_ROUNDS = 100;
    private static final double PGTOL = 1e-2; // sqrt(1e-4), Optuna's tol
    private static final int MAX_ITERATIONS = 200;

    private final GpSpace space;
    private final Acquisition acquisition;
    private final double[] lengthscales;
    private final int[] continuous;
    private final int[] discrete;

    AcquisitionOptimizer(GpSpace space, Acquisition acquisition, KernelParams params) {
        this.space = space;
        this.acquisition = acquisition;
        this.continuous = space.continuous();
        this.discrete = space.discrete();
        this.lengthscales = new double[continuous.length];
        for (int c = 0; c < continuous.length; c++) {
            lengthscales[c] = params.lengthscale(continuous[c]);
        }
    }

    /**
     * The best point found, from {@code candidates} random points and local searches from them and
     * {@code warmStarts}.
     */
    double[] maximize(List<double[]> warmStarts, int candidates, int localSearches, SplittableRandom random) {
        Halton halton = new Halton(space.dim(), random.nextLong());
        long offset = random.nextInt(1 << 20);
        double[][] points = new double[candidates][];
        double[] values = new double[candidates];
        int best = 0;
        for (int i = 0; i < candidates; i++) {
            points[i] = space.fromUniform(halton.point(offset + i));
            values[i] = acquisition.value(points[i]);
            if (values[i] > values[best] || Double.isNaN(values[best])) {
                best = i;
            }
        }
        List<double[]> starts = new ArrayList<>();
        starts.add(points[best]);
        double[] weights = new double[candidates];
        double total = 0;
        for (int i = 0; i < candidates; i++) {
            weights[i] = i == best || !Double.isFinite(values[i]) ? 0 : Math.exp(values[i] - values[best]);
            total += weights[i];
        }
        int extra = Math.max(0, localSearches - 1 - warmStarts.size());
        for (int k = 0; k < extra && total > 0; k++) {
            double r = random.nextDouble() * total;
            int pick = -1;
            for (int i = 0; i < candidates && r >= 0; i++) {
                if (weights[i] > 0) {
                    pick = i;
                    r -= weights[i];
                }
            }
            if (pick < 0) {
                break;
            }
            starts.add(points[pick]);
            total -= weights[pick];
            weights[pick] = 0;
        }
        starts.addAll(warmStarts);
        double[] winner = null;
        double winning = Double.NEGATIVE_INFINITY;
        for (double[] start : starts) {
            double[] x = start.clone();
            double value = localSearch(x);
            if (winner == null || value > winning) {
                winner = x;
                winning = value;
            }
        }
        return winner;
    }

    /** Improves {@code x} in place; returns its acquisition value. */
    double localSearch(double[] x) {
        double fx = acquisition.value(x);
        int lastChanged = -1; // -1: the continuous step
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double moved = continuousStep(x, fx);
            if (moved > fx) {
                fx = moved;
                lastChanged = -1;
            }
            for (int d : discrete) {
                if (lastChanged == d) {
                    return fx;
                }
                double improved = discreteStep(x, fx, d);
                if (improved > fx) {
                    fx = improved;
                    lastChanged = d;
                }
            }
            if (lastChanged == -1) {
                return fx;
            }
        }
        return fx;
    }

    private double continuousStep(double[] x, double fx) {
        int m = continuous.length;
        if (m == 0) {
            return fx;
        }
        double[] z = new double[m];
        double[] lower = new double[m];
        double[] upper = new double[m];
        for (int c = 0; c < m; c++) {
            z[c] = x[continuous[c]] / lengthscales[c];
            upper[c] = 1 / lengthscales[c];
        }
        double[] point = x.clone();
        double[] full = new double[x.length];
        BoundedLbfgs.Outcome outcome = BoundedLbfgs.minimize((scaled, gradient) -> {
            for (int c = 0; c < m; c++) {
                point[continuous[c]] = scaled[c] * lengthscales[c];
            }
            double value = acquisition.valueAndGradient(point, full);
            for (int c = 0; c < m; c++) {
                gradient[c] = -full[continuous[c]] * lengthscales[c];
            }
            return -value;
        }, z, lower, upper, PGTOL, MAX_ITERATIONS);
        double value = -outcome.value();
        if (outcome.iterations() > 0 && value > fx) {
            for (int c = 0; c < m; c++) {
                x[continuous[c]] = Math.min(1, Math.max(0, outcome.x()[c] * lengthscales[c]));
            }
            return value;
        }
        return fx;
    }

    /** Moves coordinate {@code d} of {@code x} to its best choice among those tried; returns the value there. */
    private double discreteStep(double[] x, double fx, int d) {
        Dimension dimension = space.dimension(d);
        long count = dimension.choices();
        long current = dimension.nearest(x[d]);
        List<Long> tried = new ArrayList<>();
        if (count <= EXHAUSTIVE_CHOICES || dimension.kind == Dimension.Kind.CATEGORICAL) {
            for (long i = 0; i < count; i++) {
                tried.add(i);
            }
        } else {
            for (long delta = 1; delta < count; delta *= 2) {
                tried.add(current - delta);
                tried.add(current + delta);
            }
        }
        double original = x[d];
        double bestValue = fx;
        double bestCoordinate = original;
        for (long i : tried) {
            if (i == current || i < 0 || i >= count) {
                continue;
            }
            x[d] = dimension.choice(i);
            double value = acquisition.value(x);
            if (value > bestValue) {
                bestValue = value;
                bestCoordinate = x[d];
            }
        }
        x[d] = bestValue > fx ? bestCoordinate : original;
        return bestValue;
    }
}
