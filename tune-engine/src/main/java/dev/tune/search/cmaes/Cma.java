package dev.tune.search.cmaes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;

/**
 * The CMA-ES optimiser in ask-and-tell form, with the semantics of the {@code cmaes} library that
 * Optuna uses: the distribution {@code N(mean, sigma^2 C)}, {@link #ask} draws one solution
 * (resampled up to {@code 10 d} times while outside the bounds, then clipped into them), and
 * {@link #tell} updates the distribution from exactly {@code popsize} evaluated solutions
 * (lower values are better). The eigendecomposition of {@code C} is computed lazily: at the first
 * ask or stop test after a tell. Not thread-safe; the caller supplies the random source.
 */
final class Cma {

    private static final double EPS = 1e-8;
    private static final double SIGMA_MAX = 1e32;

    final CmaParameters p;
    private final double[] lower;
    private final double[] upper;
    private final double tolX;
    final double[] mean;
    double sigma;
    final double[][] c;
    final double[] pSigma;
    final double[] pc;
    int generation;
    /** Best and worst value of each of the last {@code funHistTerm} generations. */
    final double[] funHist;
    private double[][] b;
    private double[] d;
    /** {@code C} as the last update left it, before {@link #decompose} repaired it; null while not decomposed. */
    private double[][] unrepaired;

    /** A fresh optimiser at {@code mean} with step size {@code sigma0} and {@code C = I}. */
    Cma(CmaParameters p, double[] mean, double sigma0, double[] lower, double[] upper) {
        this(p, mean, sigma0, identity(p.dim), new double[p.dim], new double[p.dim], 0,
                new double[2 * p.funHistTerm], lower, upper, sigma0);
    }

    /** An optimiser in a given state (the arrays are copied). */
    Cma(CmaParameters p, double[] mean, double sigma, double[][] c, double[] pSigma, double[] pc, int generation,
            double[] funHist, double[] lower, double[] upper, double sigma0) {
        this.p = p;
        this.mean = mean.clone();
        this.sigma = sigma;
        this.c = copy(c);
        this.pSigma = pSigma.clone();
        this.pc = pc.clone();
        this.generation = generation;
        this.funHist = funHist.clone();
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.tolX = 1e-12 * sigma0;
    }

    /**
     * The covariance matrix to save: as the last update left it, so that an optimiser restored
     * from it repeats the same lazy eigendecomposition, bit for bit.
     */
    double[][] covarianceToSave() {
        return copy(unrepaired != null ? unrepaired : c);
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** One solution from the current distribution, inside the bounds. */
    double[] ask(RandomGenerator random) {
        int tries = 10 * p.dim;
        for (int i = 0; i < tries; i++) {
            double[] x = sample(random);
            if (feasible(x)) {
                return x;
            }
        }
        double[] x = sample(random);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return x;
    }

    private double[] sample(RandomGenerator random) {
        decompose();
        int n = p.dim;
        double[] dz = new double[n];
        for (int k = 0; k < n; k++) {
            dz[k] = d[k] * random.nextGaussian();
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double y = 0;
            for (int k = 0; k < n; k++) {
                y += b[i][k] * dz[k];
            }
            x[i] = mean[i] + sigma * y;
        }
        return x;
    }

    private boolean feasible(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    /** Updates the distribution from {@code popsize} solutions {@code xs} with their {@code values}. */
    void tell(double[][] xs, double[] values) {
        int n = p.dim;
        int lambda = p.popsize;
        if (xs.length != lambda || values.length != lambda) {
            throw new IllegalArgumentException("tell needs exactly " + lambda + " solutions, got " + xs.length);
        }
        generation++;
        Integer[] order = new Integer[lambda];
        for (int k = 0; k < lambda; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble(k -> values[k]));
        int slot = 2 * (generation % p.funHistTerm);
        funHist[slot] = values[order[0]];
        funHist[slot + 1] = values[order[lambda - 1]];

        decompose();
        double[][] bOld = b;
        double[] dOld = d;
        b = null;
        d = null;
        unrepaired = null;

        double[][] y = new double[lambda][n];
        for (int k = 0; k < lambda; k++) {
            double[] x = xs[order[k]];
            for (int i = 0; i < n; i++) {
                y[k][i] = (x[i] - mean[i]) / sigma;
            }
        }
        double[] yw = new double[n];
        for (int k = 0; k < p.mu; k++) {
            for (int i = 0; i < n; i++) {
                yw[i] += p.weights[k] * y[k][i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] += sigma * yw[i];
        }

        double[] cInvSqrtYw = inverseSqrtTimes(bOld, dOld, yw);
        double ps = Math.sqrt(p.cSigma * (2 - p.cSigma) * p.muEff);
        double normPs = 0;
        for (int i = 0; i < n; i++) {
            pSigma[i] = (1 - p.cSigma) * pSigma[i] + ps * cInvSqrtYw[i];
            normPs += pSigma[i] * pSigma[i];
        }
        normPs = Math.sqrt(normPs);
        sigma = Math.min(sigma * Math.exp(p.cSigma / p.dSigma * (normPs / p.chiN - 1)), SIGMA_MAX);

        double left = normPs / Math.sqrt(1 - Math.pow(1 - p.cSigma, 2.0 * (generation + 1)));
        double right = (1.4 + 2.0 / (n + 1)) * p.chiN;
        double hSigma = left < right ? 1 : 0;
        double pcRate = hSigma * Math.sqrt(p.cc * (2 - p.cc) * p.muEff);
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - p.cc) * pc[i] + pcRate * yw[i];
        }

        double[] wio = new double[lambda];
        for (int k = 0; k < lambda; k++) {
            if (p.weights[k] >= 0) {
                wio[k] = p.weights[k];
            } else {
                double[] z = inverseSqrtTimes(bOld, dOld, y[k]);
                double norm2 = 0;
                for (double zi : z) {
                    norm2 += zi * zi;
                }
                wio[k] = p.weights[k] * n / (norm2 + EPS);
            }
        }
        double deltaHSigma = (1 - hSigma) * p.cc * (2 - p.cc);
        double keep = 1 + p.c1 * deltaHSigma - p.c1 - p.cmu * p.weightSum;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rankMu = 0;
                for (int k = 0; k < lambda; k++) {
                    rankMu += wio[k] * y[k][i] * y[k][j];
                }
                c[i][j] = keep * c[i][j] + p.c1 * pc[i] * pc[j] + p.cmu * rankMu;
            }
        }
    }

    /** {@code C^(-1/2) v = B diag(1/D) B^T v}. */
    private static double[] inverseSqrtTimes(double[][] b, double[] d, double[] v) {
        int n = v.length;
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += b[i][k] * v[i];
            }
            t[k] = s / d[k];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += b[i][k] * t[k];
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * The {@code cmaes} library's termination test, used for restarts: flat best and worst values
     * over the recent generations, a vanishing or exploding distribution, no effect of a step
     * along a coordinate or a principal axis, or a covariance condition number above 1e14.
     */
    boolean shouldStop() {
        decompose();
        int n = p.dim;
        if (generation > p.funHistTerm) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double v : funHist) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            if (max - min < 1e-12) {
                return true;
            }
        }
        boolean tiny = true;
        double maxD = 0;
        double minD = Double.POSITIVE_INFINITY;
        boolean noEffectCoordinate = false;
        for (int i = 0; i < n; i++) {
            tiny &= sigma * c[i][i] < tolX && sigma * pc[i] < tolX;
            maxD = Math.max(maxD, d[i]);
            minD = Math.min(minD, d[i]);
            noEffectCoordinate |= mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(c[i][i]);
        }
        if (tiny || sigma * maxD > 1e4 || noEffectCoordinate) {
            return true;
        }
        int axis = generation % n;
        boolean noEffectAxis = true;
        for (int i = 0; i < n; i++) {
            noEffectAxis &= mean[i] == mean[i] + 0.1 * sigma * d[axis] * b[i][axis];
        }
        return noEffectAxis || maxD / minD > 1e14;
    }

    /** Symmetrises {@code C}, clamps negative eigenvalues to {@code EPS} and caches {@code B} and {@code D}. */
    private void decompose() {
        if (b != null) {
            return;
        }
        int n = p.dim;
        unrepaired = copy(c);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = (c[i][j] + c[j][i]) / 2;
                c[i][j] = s;
                c[j][i] = s;
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(c);
        double[] dd = new double[n];
        for (int k = 0; k < n; k++) {
            dd[k] = Math.sqrt(eigen.values[k] < 0 ? EPS : eigen.values[k]);
        }
        double[][] bb = eigen.vectors;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += bb[i][k] * dd[k] * dd[k] * bb[j][k];
                }
                c[i][j] = s;
            }
        }
        b = bb;
        d = dd;
    }
}
