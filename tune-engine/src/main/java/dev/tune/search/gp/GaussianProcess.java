package dev.tune.search.gp;

/**
 * A Gaussian process regressor with a Matérn 5/2 ARD kernel over coordinates that may be
 * categorical, conditioned on training points: posterior mean and variance at a point, with their
 * gradients with respect to the continuous coordinates. Immutable once built.
 */
final class GaussianProcess {

    private final double[][] x;
    private final boolean[] categorical;
    private final double[] theta;
    private final double scale;
    private final Cholesky chol;
    private final double[] alpha;

    /** The posterior given values {@code y} at {@code x}, with {@code params}; the noise is added to the diagonal. */
    GaussianProcess(double[][] x, double[] y, boolean[] categorical, KernelParams params) {
        this(x, y, categorical, params, 0);
    }

    /**
     * The posterior given values {@code y} at {@code x}, the last {@code believed} of them without
     * observation noise (values the model itself predicted there, so nothing to be unsure about).
     */
    GaussianProcess(double[][] x, double[] y, boolean[] categorical, KernelParams params, int believed) {
        this.x = x;
        this.categorical = categorical;
        this.theta = params.inverseSquaredLengthscales();
        this.scale = params.kernelScale();
        int n = x.length;
        Cholesky factor = null;
        for (double jitter = 0; factor == null; jitter = jitter == 0 ? 1e-10 * scale : jitter * 10) {
            double[][] k = new double[n][];
            for (int i = 0; i < n; i++) {
                k[i] = new double[i + 1];
                for (int j = 0; j < i; j++) {
                    k[i][j] = scale * Matern52.value(Matern52.distance(x[i], x[j], theta, categorical));
                }
                double noise = i < n - believed ? params.noiseVariance() : MarginalLikelihood.MINIMUM_NOISE;
                k[i][i] = scale + noise + jitter;
            }
            factor = Cholesky.of(k);
            if (jitter > scale) {
                throw new ArithmeticException("the kernel matrix is not positive definite");
            }
        }
        this.chol = factor;
        this.alpha = chol.solve(y);
    }

    int dim() {
        return categorical.length;
    }

    /**
     * Writes the posterior mean to {@code out[0]} and variance to {@code out[1]} at {@code point};
     * when {@code dMean} is not null, also their gradients (0 on categorical coordinates).
     */
    void posterior(double[] point, double[] out, double[] dMean, double[] dVar) {
        int n = x.length;
        int dim = categorical.length;
        double[] k = new double[n];
        double[] slope = dMean == null ? null : new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double r2 = Matern52.distance(point, x[i], theta, categorical);
            k[i] = scale * Matern52.value(r2);
            mean += k[i] * alpha[i];
            if (slope != null) {
                slope[i] = scale * Matern52.derivative(r2);
            }
        }
        double[] v = new double[n];
        chol.forward(k, v);
        double explained = 0;
        for (int i = 0; i < n; i++) {
            explained += v[i] * v[i];
        }
        out[0] = mean;
        out[1] = Math.max(0, scale - explained);
        if (slope == null) {
            return;
        }
        chol.backward(v, v); // K^-1 k
        for (int d = 0; d < dim; d++) {
            if (categorical[d]) {
                dMean[d] = 0;
                dVar[d] = 0;
                continue;
            }
            double a = 0;
            double b = 0;
            double xd = point[d];
            for (int i = 0; i < n; i++) {
                double diff = xd - x[i][d];
                a += slope[i] * alpha[i] * diff;
                b += slope[i] * v[i] * diff;
            }
            dMean[d] = 2 * theta[d] * a;
            dVar[d] = -4 * theta[d] * b;
        }
    }
}
