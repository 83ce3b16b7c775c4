package dev.tune.search.gp;

/**
 * The Matérn 5/2 correlation as a function of the squared scaled distance {@code r2}:
 * {@code (1 + sqrt(5 r2) + 5/3 r2) exp(-sqrt(5 r2))}, and its derivative with respect to
 * {@code r2}, {@code -5/6 (1 + sqrt(5 r2)) exp(-sqrt(5 r2))}, which is finite at 0. The squared
 * distance sums, over the coordinates, the inverse squared lengthscale times the squared difference,
 * or times 1 for a categorical coordinate whose two values differ (a Hamming distance, as Optuna's
 * {@code GPSampler}).
 */
final class Matern52 {

    private Matern52() {
    }

    static double value(double r2) {
        double root = Math.sqrt(5 * r2);
        return (1 + root + 5.0 / 3 * r2) * Math.exp(-root);
    }

    static double derivative(double r2) {
        double root = Math.sqrt(5 * r2);
        return -5.0 / 6 * (1 + root) * Math.exp(-root);
    }

    /** The squared difference of two coordinates: a Hamming term (0 or 1) when categorical. */
    static double squaredDifference(double a, double b, boolean categorical) {
        if (categorical) {
            return a == b ? 0 : 1;
        }
        double d = a - b;
        return d * d;
    }

    /** The scaled squared distance of {@code a} and {@code b} under inverse squared lengthscales {@code theta}. */
    static double distance(double[] a, double[] b, double[] theta, boolean[] categorical) {
        double r2 = 0;
        for (int d = 0; d < a.length; d++) {
            r2 += theta[d] * squaredDifference(a[d], b[d], categorical[d]);
        }
        return r2;
    }
}
