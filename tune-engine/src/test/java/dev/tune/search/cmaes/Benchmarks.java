package dev.tune.search.cmaes;

import dev.tune.Config;
import dev.tune.space.IntDomain;
import dev.tune.space.Space;
import dev.tune.space.SpaceBuilder;
import java.util.function.ToDoubleFunction;

/** The search-quality functions of benchmark B4 (minimise; parameters x0..x{d-1}), with their optima. */
enum Benchmarks {

    BRANIN(box(new double[] {-5, 0}, new double[] {10, 15}), 0.397887357729738, on(Benchmarks::branin)),
    HARTMANN6(box(6, 0, 1), -3.322368011415515, on(Benchmarks::hartmann6)),
    ROSENBROCK4(box(4, -5, 10), 0, on(Benchmarks::rosenbrock)),
    ACKLEY5(box(5, -32.768, 32.768), 0, on(Benchmarks::ackley)),
    LEVY4(box(4, -10, 10), 0, on(Benchmarks::levy)),
    STYBLINSKI_TANG8(box(8, -5, 5), 8 * -39.16616570377142, on(Benchmarks::styblinskiTang)),
    MIXED(Space.builder().choice("c", "a", "b", "c").add("n", IntDomain.between(1, 20)).uniform("x", -5, 5)
            .uniform("y", -5, 5).build(), 0, Benchmarks::mixed);

    final Space space;
    final double optimum;
    final ToDoubleFunction<Config> f;

    Benchmarks(Space space, double optimum, ToDoubleFunction<Config> f) {
        this.space = space;
        this.optimum = optimum;
        this.f = f;
    }

    private static ToDoubleFunction<Config> on(ToDoubleFunction<double[]> f) {
        return config -> f.applyAsDouble(vector(config));
    }

    private static Space box(int d, double lower, double upper) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, lower);
        java.util.Arrays.fill(hi, upper);
        return box(lo, hi);
    }

    private static Space box(double[] lower, double[] upper) {
        SpaceBuilder builder = Space.builder();
        for (int i = 0; i < lower.length; i++) {
            builder.uniform("x" + i, lower[i], upper[i]);
        }
        return builder.build();
    }

    private static double[] vector(Config config) {
        double[] x = new double[config.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = config.getDouble("x" + i);
        }
        return x;
    }

    static double branin(double[] x) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
        return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
        {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - P[i][j] * 1e-4;
                inner += A[i][j] * d * d;
            }
            sum += ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            sum += 100 * a * a + (1 - x[i]) * (1 - x[i]);
        }
        return sum;
    }

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

    static double levy(double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
        }
        double sum = Math.pow(Math.sin(Math.PI * w[0]), 2);
        for (int i = 0; i < d - 1; i++) {
            sum += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
        }
        return sum + (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
    }

    static double styblinskiTang(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v * v * v - 16 * v * v + 5 * v;
        }
        return sum / 2;
    }

    static double mixed(Config config) {
        String c = config.getString("c");
        double off = c.equals("a") ? 0.5 : c.equals("b") ? 0 : 1;
        double cx = c.equals("a") ? 1 : c.equals("b") ? -2 : 3;
        double cy = c.equals("a") ? 1 : c.equals("b") ? 3 : -3;
        double nStar = c.equals("a") ? 5 : c.equals("b") ? 13 : 17;
        double dx = config.getDouble("x") - cx;
        double dy = config.getDouble("y") - cy;
        double dn = config.getLong("n") - nStar;
        return off + dx * dx + dy * dy + dx * dy + 0.02 * dn * dn;
    }
}
