package dev.tune.search.gp;

/**
 * Log expected improvement over {@code threshold} (values are maximised here: the standardised,
 * sign-flipped objective) under a {@link GaussianProcess}: {@code h(z) + log sigma} with
 * {@code z = (mean - threshold) / sigma}, {@link LogEi}'s stable {@code h}, and a variance floor of
 * {@code 1e-12} (Optuna's stabilising noise).
 */
final class Acquisition {

    private static final double STABILIZING_NOISE = 1e-12;

    private final GaussianProcess gp;
    private final double threshold;

    Acquisition(GaussianProcess gp, double threshold) {
        this.gp = gp;
        this.threshold = threshold;
    }

    int dim() {
        return gp.dim();
    }

    double value(double[] point) {
        double[] moments = new double[2];
        gp.posterior(point, moments, null, null);
        double variance = moments[1] + STABILIZING_NOISE;
        double sigma = Math.sqrt(variance);
        return LogEi.value((moments[0] - threshold) / sigma) + 0.5 * Math.log(variance);
    }

    /** The value at {@code point}, its gradient written to {@code gradient} (0 on categorical coordinates). */
    double valueAndGradient(double[] point, double[] gradient) {
        double[] moments = new double[2];
        double[] dMean = new double[gradient.length];
        double[] dVar = new double[gradient.length];
        gp.posterior(point, moments, dMean, dVar);
        double variance = moments[1] + STABILIZING_NOISE;
        double sigma = Math.sqrt(variance);
        double z = (moments[0] - threshold) / sigma;
        double h = LogEi.derivative(z);
        for (int d = 0; d < gradient.length; d++) {
            double dSigma = dVar[d] / (2 * sigma);
            gradient[d] = h * (dMean[d] - z * dSigma) / sigma + dSigma / sigma;
        }
        return LogEi.value(z) + 0.5 * Math.log(variance);
    }
}
