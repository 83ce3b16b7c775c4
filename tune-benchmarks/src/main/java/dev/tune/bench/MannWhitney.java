package dev.tune.bench;

import java.util.Arrays;

/**
 * The two-sided Mann-Whitney U test that BENCHMARKS.md's B4 comparison rule names, computed as
 * {@code scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")} does:
 * tied values get their average rank; {@code U1 = R1 - n1 (n1 + 1) / 2}; the statistic is
 * {@code U = max(U1, n1 n2 - U1)}; the normal approximation has mean {@code n1 n2 / 2} and the
 * tie-corrected standard deviation {@code sqrt(n1 n2 / 12 ((n + 1) - sum(t^3 - t) / (n (n - 1))))};
 * the continuity correction subtracts 0.5 from {@code U - mean}; {@code p = 2 P(Z > z)}, clipped
 * to [0, 1].
 *
 * <p>The asymptotic method is used whatever the data, also without ties: B4 compares 20 with 20
 * values, where scipy's {@code method="auto"} chooses it as well (it computes exact p-values only
 * when both samples have at most 8 values), and the reference figures' regrets tie often (a
 * searcher's best value after 50 and 100 trials may be the same trial), where no exact method
 * applies.
 */
final class MannWhitney {

    /** The test's outcome: {@code u1} is x's U statistic (scipy's {@code statistic}), {@code p} two-sided. */
    record Outcome(double u1, double z, double p) {
    }

    private MannWhitney() {
    }

    /** The two-sided p-value of x against y. */
    static double pValue(double[] x, double[] y) {
        return test(x, y).p();
    }

    /**
     * Runs the test.
     *
     * @throws IllegalArgumentException when a sample is empty or holds NaN
     */
    static Outcome test(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need values, got " + n1 + " and " + n2);
        }
        double[] all = new double[n1 + n2];
        System.arraycopy(x, 0, all, 0, n1);
        System.arraycopy(y, 0, all, n1, n2);
        for (double v : all) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("a sample holds NaN");
            }
        }
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        int n = all.length;
        double tieTerm = 0;
        double r1 = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            double rank = (i + j) / 2.0 + 1;
            for (int k = 0; k < n1; k++) {
                if (x[k] == sorted[i]) {
                    r1 += rank;
                }
            }
            i = j + 1;
        }
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u = Math.max(u1, (double) n1 * n2 - u1);
        double mean = n1 * (double) n2 / 2;
        double sd = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
        double numerator = u - mean - 0.5;
        double z = sd == 0 ? Double.NEGATIVE_INFINITY : numerator / sd;
        double p = Math.min(1, Math.max(0, 2 * NormalTail.upper(z)));
        return new Outcome(u1, z, p);
    }
}
