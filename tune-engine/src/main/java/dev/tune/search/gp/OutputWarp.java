package dev.tune.search.gp;

/**
 * How completed values become the GP's standardised targets: clipped to the finite range, sent
 * through a warp, negated (the GP maximises) and standardised. The identity warp is Optuna's; the
 * log warp {@code w(v) = log((v - min) / (max - min) + delta)} compresses large values, so that the
 * model resolves the region of good ones on functions with steep walls. {@link #logJacobian} is
 * the log density correction that makes the marginal likelihoods of the warped targets comparable
 * (the likelihood of the original values), so the searcher can keep the warp its data support.
 */
final class OutputWarp {

    private static final double EPS = 1e-10;

    private final double delta;
    private final double lowest;
    private final double spread;
    private final double[] targets;
    private final double logJacobian;

    /** The targets of {@code values} (to minimise) under the identity warp ({@code delta} infinite) or the log warp. */
    OutputWarp(double[] values, double delta) {
        this.delta = delta;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        this.lowest = Double.isFinite(low) ? low : 0;
        this.spread = Double.isFinite(low) ? Math.max(high - low, 1e-12) : 1;
        int n = values.length;
        double[] y = new double[n];
        double jacobian = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double v = Double.isFinite(low) ? Math.max(low, Math.min(high, values[i])) : 0;
            if (Double.isInfinite(delta)) {
                y[i] = -v;
            } else {
                double shifted = (v - lowest) / spread + delta;
                y[i] = -Math.log(shifted);
                jacobian -= Math.log(shifted * spread);
            }
            mean += y[i] / n;
        }
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean) / n;
        }
        double sd = Math.max(EPS, Math.sqrt(variance));
        for (int i = 0; i < n; i++) {
            y[i] = (y[i] - mean) / sd;
        }
        this.targets = y;
        this.logJacobian = jacobian - n * Math.log(sd);
    }

    /** The standardised targets, maximised. */
    double[] targets() {
        return targets.clone();
    }

    /** {@code log |d targets / d values|}, summed over the values. */
    double logJacobian() {
        return logJacobian;
    }

    @Override
    public String toString() {
        return Double.isInfinite(delta) ? "identity" : "log(+" + delta + ")";
    }
}
