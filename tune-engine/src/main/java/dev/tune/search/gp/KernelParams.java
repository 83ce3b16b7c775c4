package dev.tune.search.gp;

import java.util.Arrays;

/**
 * The hyperparameters of the Gaussian process: one inverse squared lengthscale per coordinate
 * (automatic relevance determination), the kernel scale (the prior variance of the standardised
 * objective) and the noise variance. Shared read-only between a fit and the searcher's cache.
 */
record KernelParams(double[] inverseSquaredLengthscales, double kernelScale, double noiseVariance) {

    KernelParams {
        inverseSquaredLengthscales = inverseSquaredLengthscales.clone();
    }

    /** Optuna's starting point: every parameter 1. */
    static KernelParams defaults(int dim) {
        double[] ones = new double[dim];
        Arrays.fill(ones, 1.0);
        return new KernelParams(ones, 1, 1);
    }

    @Override
    public double[] inverseSquaredLengthscales() {
        return inverseSquaredLengthscales.clone();
    }

    int dim() {
        return inverseSquaredLengthscales.length;
    }

    /** The lengthscale of coordinate {@code d}, {@code 1 / sqrt(theta_d)}. */
    double lengthscale(int d) {
        return 1 / Math.sqrt(inverseSquaredLengthscales[d]);
    }
}
