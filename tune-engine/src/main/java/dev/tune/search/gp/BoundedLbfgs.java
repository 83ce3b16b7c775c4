package dev.tune.search.gp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A bounded limited-memory quasi-Newton minimiser in the spirit of L-BFGS-B: the L-BFGS direction
 * on the variables that are free (not held at a bound by their gradient), a backtracking Armijo
 * search along the path projected onto the box, curvature pairs kept only when {@code s.y > 0}.
 * Stops when the projected gradient's largest component is at most {@code pgtol}, when the value
 * falls by less than {@code ftol} relative to it (scipy's {@code factr} test), when no step
 * decreases the value, or after {@code maxIterations}.
 */
final class BoundedLbfgs {

    /** A function to minimise: returns its value at {@code x} and writes its gradient to {@code gradient}. */
    interface Function {
        double evaluate(double[] x, double[] gradient);
    }

    /** Where the search ended, its value, and how many iterations moved. */
    record Outcome(double[] x, double value, int iterations) {
    }

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final double FTOL = 2.220446049250313e-09;

    private BoundedLbfgs() {
    }

    static Outcome minimize(Function f, double[] start, double[] lower, double[] upper, double pgtol,
            int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        project(x, lower, upper);
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) {
            return new Outcome(x, fx, 0);
        }
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int iteration = 0;
        while (iteration < maxIterations) {
            boolean[] free = new boolean[n];
            double pgNorm = 0;
            for (int i = 0; i < n; i++) {
                boolean held = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
                free[i] = !held;
                if (!held) {
                    pgNorm = Math.max(pgNorm, Math.abs(g[i]));
                }
            }
            if (pgNorm <= pgtol) {
                break;
            }
            double[] d = direction(g, free, pairs);
            double slope = dot(d, g);
            if (!(slope < 0)) {
                pairs.clear();
                d = direction(g, free, pairs);
                slope = dot(d, g);
            }
            double step = pairs.isEmpty() ? Math.min(1, 1 / pgNorm) : 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < 40 && !accepted; tries++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                project(xNew, lower, upper);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (xNew[i] - x[i]);
                }
                if (!(decrease < 0)) {
                    break;
                }
                fNew = f.evaluate(xNew, gNew);
                accepted = Double.isFinite(fNew) && fNew <= fx + ARMIJO * decrease;
                step *= 0.5;
            }
            if (!accepted) {
                if (pairs.isEmpty()) {
                    break;
                }
                pairs.clear();
                continue;
            }
            iteration++;
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-10 * dot(y, y)) {
                pairs.addFirst(new double[][] {s, y, {1 / sy}});
                if (pairs.size() > MEMORY) {
                    pairs.removeLast();
                }
            }
            double previous = fx;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if ((previous - fx) <= FTOL * Math.max(1, Math.max(Math.abs(previous), Math.abs(fx)))) {
                break;
            }
        }
        return new Outcome(x, fx, iteration);
    }

    /** {@code -H g} on the free variables by the two-loop recursion; 0 on the held ones. */
    private static double[] direction(double[] g, boolean[] free, Deque<double[][]> pairs) {
        int n = g.length;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = free[i] ? g[i] : 0;
        }
        double[] alpha = new double[pairs.size()];
        int k = 0;
        for (double[][] pair : pairs) {
            alpha[k] = pair[2][0] * maskedDot(pair[0], q, free);
            axpy(-alpha[k], pair[1], q, free);
            k++;
        }
        if (!pairs.isEmpty()) {
            double[][] newest = pairs.peekFirst();
            double yy = maskedDot(newest[1], newest[1], free);
            double gamma = yy > 0 ? maskedDot(newest[0], newest[1], free) / yy : 1;
            if (!(gamma > 0)) {
                gamma = 1 / (newest[2][0] * dot(newest[1], newest[1]));
            }
            for (int i = 0; i < n; i++) {
                q[i] *= gamma;
            }
        }
        Iterator<double[][]> oldestFirst = pairs.descendingIterator();
        k = pairs.size() - 1;
        while (oldestFirst.hasNext()) {
            double[][] pair = oldestFirst.next();
            double beta = pair[2][0] * maskedDot(pair[1], q, free);
            axpy(alpha[k] - beta, pair[0], q, free);
            k--;
        }
        for (int i = 0; i < n; i++) {
            q[i] = free[i] ? -q[i] : 0;
        }
        return q;
    }

    private static void project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maskedDot(double[] a, double[] b, boolean[] free) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (free[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y, boolean[] free) {
        for (int i = 0; i < y.length; i++) {
            if (free[i]) {
                y[i] += a * x[i];
            }
        }
    }
}
