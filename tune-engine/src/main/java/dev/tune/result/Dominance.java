package dev.tune.result;

/**
 * Pareto dominance of cost vectors (lower is better in every coordinate): what the Pareto front,
 * TPE's multi-objective split and NSGA-II's selection all compare by.
 */
public final class Dominance {

    private Dominance() {
    }

    /** True when {@code a} is no worse than {@code b} in every coordinate and better in one. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }
}
