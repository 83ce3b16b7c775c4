package dev.tune.search.gp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the kernel parameters by maximising the marginal likelihood with Optuna's priors
 * ({@link MarginalLikelihood}), by the bounded quasi-Newton method on the log parameters, started
 * from the previous fit when there is one (Optuna's cache) and from Optuna's default (all 1)
 * otherwise or when the warm start fails; the better of the two when both run. Gradient tolerance
 * {@code 1e-2}, as Optuna.
 */
final class KernelFit {

    private static final Logger LOG = LoggerFactory.getLogger(KernelFit.class);
    private static final double GTOL = 1e-2;
    private static final int MAX_ITERATIONS = 200;

    private KernelFit() {
    }

    /** Fitted parameters and the minimised value: minus the log marginal likelihood and log prior there. */
    record Fit(KernelParams params, double loss) {
    }

    /** The fitted parameters for coordinates {@code x} and standardised values {@code y}. */
    static KernelParams fit(double[][] x, double[] y, boolean[] categorical, KernelParams previous) {
        return fitWithLoss(x, y, categorical, previous).params();
    }

    /** The fit, with its loss, for coordinates {@code x} and standardised values {@code y}. */
    static Fit fitWithLoss(double[][] x, double[] y, boolean[] categorical, KernelParams previous) {
        int dim = categorical.length;
        MarginalLikelihood objective = new MarginalLikelihood(x, y, categorical);
        double[] lower = new double[dim + 2];
        double[] upper = new double[dim + 2];
        for (int d = 0; d < dim; d++) {
            lower[d] = -12;
            upper[d] = 14;
        }
        lower[dim] = -12;
        upper[dim] = 8;
        lower[dim + 1] = -40;
        upper[dim + 1] = 4;
        BoundedLbfgs.Outcome best = null;
        if (previous != null && previous.dim() == dim) {
            best = BoundedLbfgs.minimize(objective, MarginalLikelihood.raw(previous), lower, upper, GTOL,
                    MAX_ITERATIONS);
        }
        if (best == null || !Double.isFinite(best.value())) {
            best = BoundedLbfgs.minimize(objective, MarginalLikelihood.raw(KernelParams.defaults(dim)), lower, upper,
                    GTOL, MAX_ITERATIONS);
        }
        if (!Double.isFinite(best.value())) {
            LOG.warn("Fitting the kernel parameters failed; the defaults are used");
            return new Fit(KernelParams.defaults(dim), Double.POSITIVE_INFINITY);
        }
        return new Fit(MarginalLikelihood.params(best.x()), best.value());
    }
}
