package dev.tune.search.tpe;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A mixture of product kernels over a group of axes, as Optuna's {@code _ParzenEstimator}: one
 * kernel per observation plus a prior kernel (the whole range, or a uniform choice), weighted by
 * recency. Numeric kernels are normals truncated to the axis (discrete ones integrate over each
 * grid cell); categorical kernels put most of their mass on the observed choice. Bandwidths follow
 * Optuna: univariate from the gaps between neighbouring observations, multivariate from a Scott-like
 * rule, both clipped to between range / min(100, kernels + 1) and the range.
 */
final class ParzenEstimator {

    private static final double PRIOR_WEIGHT = 1.0;
    private static final double SIGMA0 = 0.2;

    private final Axis[] axes;
    private final int kernels;
    private final double[] logWeights;
    private final double[] cumulative;
    private final double[][] mus;
    private final double[][] sigmas;
    private final double[][] logNorms;
    private final double[][] logSigmas;
    private final double[][][] logProbs;
    private final double[][][] cumProbs;

    /**
     * @param observations one row per observation, one column per axis (internal values)
     * @param weights the observations' weights, oldest first (not normalised)
     */
    ParzenEstimator(Axis[] axes, double[][] observations, double[] weights, boolean multivariate) {
        this.axes = axes;
        int n = observations.length;
        this.kernels = n + 1;
        double[] w = Arrays.copyOf(weights, kernels);
        w[n] = n == 0 ? 1.0 : PRIOR_WEIGHT;
        double total = 0;
        for (double x : w) {
            total += x;
        }
        logWeights = new double[kernels];
        cumulative = new double[kernels];
        double running = 0;
        for (int k = 0; k < kernels; k++) {
            logWeights[k] = Math.log(w[k] / total);
            running += w[k] / total;
            cumulative[k] = running;
        }
        mus = new double[axes.length][];
        sigmas = new double[axes.length][];
        logNorms = new double[axes.length][];
        logSigmas = new double[axes.length][];
        logProbs = new double[axes.length][][];
        cumProbs = new double[axes.length][][];
        for (int a = 0; a < axes.length; a++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = observations[i][a];
            }
            if (axes[a].categorical) {
                categorical(a, column);
            } else {
                numeric(a, column, multivariate);
            }
        }
    }

    private void categorical(int a, double[] observed) {
        int choices = axes[a].choices.size();
        logProbs[a] = new double[kernels][choices];
        cumProbs[a] = new double[kernels][choices];
        for (int k = 0; k < kernels; k++) {
            double[] row = new double[choices];
            Arrays.fill(row, PRIOR_WEIGHT / kernels);
            if (k < observed.length) {
                row[(int) observed[k]] += 1;
            }
            double sum = 0;
            for (double p : row) {
                sum += p;
            }
            double running = 0;
            for (int c = 0; c < choices; c++) {
                logProbs[a][k][c] = Math.log(row[c] / sum);
                running += row[c] / sum;
                cumProbs[a][k][c] = running;
            }
        }
    }

    private void numeric(int a, double[] observed, boolean multivariate) {
        Axis axis = axes[a];
        double range = axis.high - axis.low + axis.step;
        int n = observed.length;
        double[] mu = Arrays.copyOf(observed, kernels);
        double[] sigma = new double[kernels];
        if (multivariate) {
            Arrays.fill(sigma, SIGMA0 * Math.pow(Math.max(n, 1), -1.0 / (axes.length + 4)) * range);
        } else {
            neighbourGaps(observed, axis, sigma);
        }
        double maxSigma = range;
        double minSigma = range / Math.min(100.0, 1.0 + kernels);
        for (int k = 0; k < n; k++) {
            sigma[k] = Math.max(minSigma, Math.min(maxSigma, sigma[k]));
        }
        mu[n] = 0.5 * (axis.low + axis.high);
        sigma[n] = range;
        double[] norm = new double[kernels];
        double[] logSigma = new double[kernels];
        double half = axis.step / 2;
        for (int k = 0; k < kernels; k++) {
            norm[k] = Gauss.logDiffPhi((axis.low - half - mu[k]) / sigma[k], (axis.high + half - mu[k]) / sigma[k]);
            logSigma[k] = Math.log(sigma[k]) + Gauss.LOG_SQRT_2PI + norm[k];
        }
        logSigmas[a] = logSigma;
        mus[a] = mu;
        sigmas[a] = sigma;
        logNorms[a] = norm;
    }

    /** Optuna's univariate bandwidth: the larger gap to a neighbour, the prior's midpoint counted as one. */
    private static void neighbourGaps(double[] observed, Axis axis, double[] sigma) {
        int n = observed.length;
        double[] withPrior = Arrays.copyOf(observed, n + 1);
        withPrior[n] = 0.5 * (axis.low + axis.high);
        int[] order = Order.stable(withPrior);
        double[] sorted = new double[n + 3];
        sorted[0] = axis.low - axis.step / 2;
        for (int i = 0; i <= n; i++) {
            sorted[i + 1] = withPrior[order[i]];
        }
        sorted[n + 2] = axis.high + axis.step / 2;
        double[] gaps = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            gaps[i] = Math.max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
        }
        if (n + 3 >= 4) {
            gaps[0] = sorted[2] - sorted[1];
            gaps[n] = sorted[n + 1] - sorted[n];
        }
        for (int i = 0; i <= n; i++) {
            if (order[i] < n) {
                sigma[order[i]] = gaps[i];
            }
        }
    }

    /** {@code count} draws from the mixture, one row of internal values each. */
    double[][] sample(RandomGenerator random, int count) {
        double[][] draws = new double[count][axes.length];
        for (int i = 0; i < count; i++) {
            int k = pick(cumulative, random.nextDouble());
            for (int a = 0; a < axes.length; a++) {
                Axis axis = axes[a];
                if (axis.categorical) {
                    draws[i][a] = pick(cumProbs[a][k], random.nextDouble());
                } else {
                    draws[i][a] = truncatedNormal(axis, mus[a][k], sigmas[a][k], random);
                }
            }
        }
        return draws;
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** A normal draw kept within the axis (rejection: every kernel's centre lies inside), onto its grid. */
    private static double truncatedNormal(Axis axis, double mu, double sigma, RandomGenerator random) {
        double half = axis.step / 2;
        double lo = axis.low - half;
        double hi = axis.high + half;
        double x = Double.NaN;
        for (int attempt = 0; attempt < 100; attempt++) {
            double candidate = mu + sigma * random.nextGaussian();
            if (candidate >= lo && candidate <= hi) {
                x = candidate;
                break;
            }
        }
        if (Double.isNaN(x)) {
            x = lo + random.nextDouble() * (hi - lo);
        }
        if (axis.step > 0) {
            x = axis.low + Math.round((x - axis.low) / axis.step) * axis.step;
        }
        return Math.max(axis.low, Math.min(axis.high, x));
    }

    /** The mixture's log density at each row of {@code points}. */
    double[] logPdf(double[][] points) {
        double[] result = new double[points.length];
        double[] terms = new double[kernels];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(logWeights, 0, terms, 0, kernels);
            for (int a = 0; a < axes.length; a++) {
                addAxis(a, points[i][a], terms);
            }
            result[i] = Gauss.logSumExp(terms, kernels);
        }
        return result;
    }

    private void addAxis(int a, double x, double[] terms) {
        Axis axis = axes[a];
        if (axis.categorical) {
            int c = (int) x;
            for (int k = 0; k < kernels; k++) {
                terms[k] += logProbs[a][k][c];
            }
            return;
        }
        double[] mu = mus[a];
        double[] sigma = sigmas[a];
        double[] norm = logNorms[a];
        if (axis.step == 0) {
            double[] offset = logSigmas[a];
            for (int k = 0; k < kernels; k++) {
                double z = (x - mu[k]) / sigma[k];
                terms[k] += -0.5 * z * z - offset[k];
            }
        } else {
            double half = axis.step / 2;
            for (int k = 0; k < kernels; k++) {
                terms[k] += Gauss.logDiffPhi((x - half - mu[k]) / sigma[k], (x + half - mu[k]) / sigma[k]) - norm[k];
            }
        }
    }
}
