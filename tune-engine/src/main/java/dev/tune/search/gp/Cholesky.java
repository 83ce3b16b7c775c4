package dev.tune.search.gp;

/**
 * The Cholesky factor {@code L} of a symmetric positive definite matrix {@code A = L L^T}, with the
 * triangular solves and the inverse that a Gaussian process needs. Rows of the lower triangle are
 * stored on their own ({@code l[i]} has {@code i + 1} entries), so every inner loop reads memory in
 * order.
 */
final class Cholesky {

    private final double[][] l;

    private Cholesky(double[][] l) {
        this.l = l;
    }

    /**
     * The factor of {@code a} (only its lower triangle, {@code a[i][j]} for {@code j <= i}, is
     * read), or null when {@code a} is not numerically positive definite.
     */
    static Cholesky of(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double[] other = j == i ? row : l[j];
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= row[k] * other[k];
                }
                if (j == i) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return null;
                    }
                    row[i] = Math.sqrt(s);
                } else {
                    row[j] = s / l[j][j];
                }
            }
            l[i] = row;
        }
        return new Cholesky(l);
    }

    int size() {
        return l.length;
    }

    /** Solves {@code L x = b} into {@code x} (which may be {@code b}). */
    void forward(double[] b, double[] x) {
        for (int i = 0; i < l.length; i++) {
            double[] row = l[i];
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= row[k] * x[k];
            }
            x[i] = s / row[i];
        }
    }

    /** Solves {@code L^T x = b} into {@code x} (which may be {@code b}). */
    void backward(double[] b, double[] x) {
        if (x != b) {
            System.arraycopy(b, 0, x, 0, b.length);
        }
        for (int i = l.length - 1; i >= 0; i--) {
            double[] row = l[i];
            double xi = x[i] / row[i];
            x[i] = xi;
            for (int k = 0; k < i; k++) {
                x[k] -= row[k] * xi;
            }
        }
    }

    /** {@code A^-1 b}. */
    double[] solve(double[] b) {
        double[] x = new double[b.length];
        forward(b, x);
        backward(x, x);
        return x;
    }

    /** {@code sum log L_ii}, half the log determinant of {@code A}. */
    double halfLogDet() {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return s;
    }

    /**
     * The lower triangle of {@code A^-1} ({@code inverse[i][j]} for {@code j <= i}; the rest is
     * left 0), as {@code L^-T L^-1}: the columns of {@code L^-1} by forward substitution, then their
     * dot products.
     */
    double[][] inverseLower() {
        int n = l.length;
        double[][] column = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] c = new double[n];
            c[j] = 1 / l[j][j];
            for (int k = j + 1; k < n; k++) {
                double[] row = l[k];
                double s = 0;
                for (int m = j; m < k; m++) {
                    s -= row[m] * c[m];
                }
                c[k] = s / row[k];
            }
            column[j] = c;
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ci = column[i];
            for (int j = 0; j <= i; j++) {
                double[] cj = column[j];
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += ci[k] * cj[k];
                }
                inverse[i][j] = s;
            }
        }
        return inverse;
    }
}
