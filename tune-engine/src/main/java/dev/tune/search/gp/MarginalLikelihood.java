package dev.tune.search.gp;

import java.util.Arrays;

/**
 * What the kernel fit minimises: minus the log marginal likelihood of the standardised values
 * minus Optuna's log prior, as a function of the raw parameters {@code (log theta_1..d, log s,
 * log(noise - minNoise))}, with its exact gradient.
 *
 * <p>Prior (Optuna's {@code default_log_prior}): {@code -sum_d (0.1 / theta_d + 0.1 theta_d)} on the
 * inverse squared lengthscales, Gamma(2, 1) on the kernel scale and Gamma(1.1, 30) on the noise
 * variance (constants dropped). Gradient: {@code d log p(y) / dp = 1/2 tr((a a^T - K^-1) dK/dp)}
 * with {@code a = K^-1 y}.
 */
final class MarginalLikelihood implements BoundedLbfgs.Function {

    static final double MINIMUM_NOISE = 1e-6;

    private final int n;
    private final int dim;
    private final double[] y;
    /** {@code sqd[d][p]}: the squared difference (or Hamming term) of pair p = i(i-1)/2 + j, j < i, on coordinate d. */
    private final double[][] sqd;

    MarginalLikelihood(double[][] x, double[] y, boolean[] categorical) {
        this.n = x.length;
        this.dim = categorical.length;
        this.y = y.clone();
        int pairs = n * (n - 1) / 2;
        sqd = new double[dim][pairs];
        for (int d = 0; d < dim; d++) {
            double[] column = sqd[d];
            int p = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    column[p++] = Matern52.squaredDifference(x[i][d], x[j][d], categorical[d]);
                }
            }
        }
    }

    /** The raw parameters of {@code params}. */
    static double[] raw(KernelParams params) {
        int dim = params.dim();
        double[] raw = new double[dim + 2];
        double[] theta = params.inverseSquaredLengthscales();
        for (int d = 0; d < dim; d++) {
            raw[d] = Math.log(theta[d]);
        }
        raw[dim] = Math.log(params.kernelScale());
        raw[dim + 1] = Math.log(Math.max(params.noiseVariance() - 0.99 * MINIMUM_NOISE, 1e-300));
        return raw;
    }

    /** The parameters at raw point {@code raw}. */
    static KernelParams params(double[] raw) {
        int dim = raw.length - 2;
        double[] theta = new double[dim];
        for (int d = 0; d < dim; d++) {
            theta[d] = Math.exp(raw[d]);
        }
        return new KernelParams(theta, Math.exp(raw[dim]), Math.exp(raw[dim + 1]) + MINIMUM_NOISE);
    }

    @Override
    public double evaluate(double[] raw, double[] gradient) {
        double[] theta = new double[dim];
        for (int d = 0; d < dim; d++) {
            theta[d] = Math.exp(raw[d]);
        }
        double scale = Math.exp(raw[dim]);
        double noiseExcess = Math.exp(raw[dim + 1]);
        double noise = noiseExcess + MINIMUM_NOISE;
        int pairs = n * (n - 1) / 2;
        double[] r2 = new double[pairs];
        for (int d = 0; d < dim; d++) {
            double t = theta[d];
            double[] column = sqd[d];
            for (int p = 0; p < pairs; p++) {
                r2[p] += t * column[p];
            }
        }
        double[][] k = new double[n][];
        int p = 0;
        for (int i = 0; i < n; i++) {
            k[i] = new double[i + 1];
            for (int j = 0; j < i; j++) {
                k[i][j] = scale * Matern52.value(r2[p++]);
            }
            k[i][i] = scale + noise;
        }
        Cholesky chol = Cholesky.of(k);
        if (chol == null) {
            Arrays.fill(gradient, 0);
            return Double.POSITIVE_INFINITY;
        }
        double[] alpha = chol.solve(y);
        double quad = 0;
        for (int i = 0; i < n; i++) {
            quad += y[i] * alpha[i];
        }
        double logLikelihood = -chol.halfLogDet() - 0.5 * quad;
        double[][] inverse = chol.inverseLower();
        double[] thetaGrad = new double[dim];
        double scaleGrad = 0;
        double trace = 0;
        double[] weighted = new double[pairs];
        p = 0;
        for (int i = 0; i < n; i++) {
            double[] inv = inverse[i];
            for (int j = 0; j < i; j++) {
                double w = alpha[i] * alpha[j] - inv[j];
                scaleGrad += w * k[i][j];
                weighted[p] = w * scale * Matern52.derivative(r2[p]);
                p++;
            }
            double wii = alpha[i] * alpha[i] - inv[i];
            trace += wii;
        }
        scaleGrad += 0.5 * trace * scale;
        for (int d = 0; d < dim; d++) {
            double[] column = sqd[d];
            double s = 0;
            for (int q = 0; q < pairs; q++) {
                s += weighted[q] * column[q];
            }
            thetaGrad[d] = s * theta[d];
        }
        double noiseGrad = 0.5 * trace * noiseExcess;
        double logPrior = Math.log(scale) - scale + 0.1 * Math.log(noise) - 30 * noise;
        for (int d = 0; d < dim; d++) {
            logPrior -= 0.1 / theta[d] + 0.1 * theta[d];
            gradient[d] = -(thetaGrad[d] + 0.1 / theta[d] - 0.1 * theta[d]);
        }
        gradient[dim] = -(scaleGrad + 1 - scale);
        gradient[dim + 1] = -(noiseGrad + (0.1 / noise - 30) * noiseExcess);
        return -(logLikelihood + logPrior);
    }
}
