package dev.tune.bench;

/**
 * The seven B4 test functions of BENCHMARKS.md as plain formulas, all minimised: Branin,
 * Hartmann6 (the standard alpha, A and P), Rosenbrock, Ackley (a = 20, b = 0.2, c = 2 pi), Levy,
 * Styblinski-Tang and the mixed categorical/integer/float function. The dimension of Rosenbrock,
 * Ackley, Levy and Styblinski-Tang is the length of the argument; B4 uses 4, 5, 4 and 8.
 */
final class B4Functions {

    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
        {10, 3, 17, 3.5, 1.7, 8},
        {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8},
        {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
        {1312, 1696, 5569, 124, 8283, 5886},
        {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650},
        {4047, 8828, 8732, 5743, 1091, 381}};

    /** The mixed function's categories, in the order of the space: offset, (cx, cy), n*. */
    static final String[] MIXED_CATEGORIES = {"a", "b", "c"};
    private static final double[] MIXED_OFFSET = {0.5, 0.0, 1.0};
    private static final double[] MIXED_CX = {1, -2, 3};
    private static final double[] MIXED_CY = {1, 3, -3};
    private static final int[] MIXED_N = {5, 13, 17};

    private B4Functions() {
    }

    /** Branin with a = 1, b = 5.1/(4 pi^2), c = 5/pi, r = 6, s = 10, t = 1/(8 pi). */
    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    /** Hartmann6: {@code -sum_i alpha_i exp(-sum_j A_ij (x_j - P_ij)^2)}, P scaled by 1e-4. */
    static double hartmann6(double[] x) {
        requireLength(x, 6);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - HARTMANN_P[i][j] * 1e-4;
                inner += HARTMANN_A[i][j] * d * d;
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    /** Rosenbrock: {@code sum_{i<d} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2}. */
    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    /** Ackley: {@code -a exp(-b sqrt(mean x^2)) - exp(mean cos(c x)) + a + e}, a = 20, b = 0.2, c = 2 pi. */
    static double ackley(double[] x) {
        double squares = 0;
        double cosines = 0;
        for (double v : x) {
            squares += v * v;
            cosines += Math.cos(2 * Math.PI * v);
        }
        int d = x.length;
        return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
    }

    /**
     * Levy with {@code w_i = 1 + (x_i - 1)/4}: {@code sin^2(pi w_1) + sum_{i<d} (w_i - 1)^2 (1 + 10 sin^2(pi w_i + 1))
     * + (w_d - 1)^2 (1 + sin^2(2 pi w_d))}.
     */
    static double levy(double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
        }
        double first = Math.sin(Math.PI * w[0]);
        double sum = first * first;
        for (int i = 0; i < d - 1; i++) {
            double s = Math.sin(Math.PI * w[i] + 1);
            sum += (w[i] - 1) * (w[i] - 1) * (1 + 10 * s * s);
        }
        double last = Math.sin(2 * Math.PI * w[d - 1]);
        sum += (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + last * last);
        return sum;
    }

    /** Styblinski-Tang: {@code 1/2 sum (x^4 - 16 x^2 + 5 x)}. */
    static double styblinskiTang(double[] x) {
        double sum = 0;
        for (double v : x) {
            double v2 = v * v;
            sum += v2 * v2 - 16 * v2 + 5 * v;
        }
        return sum / 2;
    }

    /**
     * The mixed function: {@code off[c] + dx^2 + dy^2 + dx dy + 0.02 (n - n*[c])^2} with
     * {@code dx = x - cx[c]}, {@code dy = y - cy[c]}.
     *
     * @throws IllegalArgumentException when {@code c} is not one of a, b, c
     */
    static double mixed(String c, int n, double x, double y) {
        int k = category(c);
        double dx = x - MIXED_CX[k];
        double dy = y - MIXED_CY[k];
        double dn = n - MIXED_N[k];
        return MIXED_OFFSET[k] + dx * dx + dy * dy + dx * dy + 0.02 * dn * dn;
    }

    private static int category(String c) {
        for (int k = 0; k < MIXED_CATEGORIES.length; k++) {
            if (MIXED_CATEGORIES[k].equals(c)) {
                return k;
            }
        }
        throw new IllegalArgumentException("the mixed function's c is one of a, b, c; got '" + c + "'");
    }

    private static void requireLength(double[] x, int length) {
        if (x.length != length) {
            throw new IllegalArgumentException("expected " + length + " coordinates, got " + x.length);
        }
    }
}
