package dev.tune.search.cmaes;

/**
 * The eigendecomposition {@code A = B diag(values) B^T} of a real symmetric matrix, by the cyclic
 * Jacobi method: plane rotations zero the off-diagonal entries one by one until they are negligible.
 * Slow for large matrices (a few sweeps of {@code O(n^3)}) but exact to rounding, always convergent,
 * and with orthonormal eigenvectors even for repeated eigenvalues, which is what CMA-ES needs for
 * the few dozen dimensions of a hyperparameter search.
 */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    /** The eigenvalues, in no particular order. */
    final double[] values;
    /** The eigenvectors as columns: {@code vectors[row][k]} belongs to {@code values[k]}. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes {@code matrix}, which must be square and symmetric; it is not changed. */
    static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && !diagonal(a); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new SymmetricEigen(values, v);
    }

    /** True when every off-diagonal entry is negligible next to the diagonal. */
    private static boolean diagonal(double[][] a) {
        int n = a.length;
        double off = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += a[i][i] * a[i][i];
            for (int j = i + 1; j < n; j++) {
                off += a[i][j] * a[i][j];
            }
        }
        return off <= 1e-30 * scale || off == 0;
    }

    /** One Jacobi rotation in the plane (p, q): zeroes {@code a[p][q]} and accumulates the rotation into {@code v}. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
