package dev.tune.search.tpe;

/**
 * The normal distribution's logarithms, computed without underflow far in the tails: what the
 * truncated-normal kernels of a Parzen estimator need. {@code erfc} is the Chebyshev-fitted form
 * from Numerical Recipes (relative error below 1.2e-7 everywhere), evaluated in log space.
 */
final class Gauss {

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private Gauss() {
    }

    /** {@code log(erfc(x))} for {@code x >= 0}. */
    static double logErfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) - x * x + poly;
    }

    /** {@code Φ(z)}, the standard normal's distribution function. */
    static double phi(double z) {
        return z < 0 ? 0.5 * Math.exp(logErfc(-z * SQRT_HALF)) : 1 - 0.5 * Math.exp(logErfc(z * SQRT_HALF));
    }

    /** {@code log Φ(z)}. */
    static double logPhi(double z) {
        if (z < 0) {
            return Math.log(0.5) + logErfc(-z * SQRT_HALF);
        }
        return Math.log1p(-0.5 * Math.exp(logErfc(z * SQRT_HALF)));
    }

    /** {@code log(Φ(b) - Φ(a))} for {@code a < b}, accurate in either tail. */
    static double logDiffPhi(double a, double b) {
        if (a < -9 && b > 9) {
            return 0; // the missing mass is below 2e-19
        }
        if (a >= 0) {
            return logDiffPhi(-b, -a);
        }
        if (b <= 0) {
            double high = logPhi(b);
            return high + log1mExp(logPhi(a) - high);
        }
        return Math.log1p(-phi(a) - phi(-b));
    }

    /** {@code log(1 - exp(d))} for {@code d <= 0}. */
    static double log1mExp(double d) {
        if (d >= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return d > -0.6931471805599453 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d));
    }

    /**
     * {@code log Σ exp(values[i])}, stable for large magnitudes. Terms more than 40 below the
     * largest add less than 4e-18 each to a sum of at least 1 and are skipped, which spares most of
     * the exponentials when narrow kernels lie far from the point.
     */
    static double logSumExp(double[] values, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double floor = max - 40;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (values[i] > floor) {
                sum += Math.exp(values[i] - max);
            }
        }
        return max + Math.log(sum);
    }
}
