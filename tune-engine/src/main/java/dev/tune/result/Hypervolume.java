package dev.tune.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of a set of points to be minimised: the volume of the region they dominate,
 * bounded by a reference point, the measure of a Pareto front that Optuna's multi-objective
 * samplers and the B8 benchmark use. Points not strictly better than the reference in every
 * coordinate add nothing. Exact: two dimensions by one sweep, more by slicing along the last
 * coordinate (cubic at worst in the number of points for three), which suits fronts of hundreds.
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /** The hypervolume of {@code points} (each a cost vector, lower is better) up to {@code reference}. */
    public static double of(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("a point of " + p.length + " coordinates for a reference of "
                        + reference.length);
            }
            boolean strictly = true;
            for (int k = 0; k < p.length && strictly; k++) {
                strictly = p[k] < reference[k];
            }
            if (strictly) {
                inside.add(p);
            }
        }
        return volume(inside, reference, reference.length);
    }

    /** The volume dominated by the first {@code d} coordinates of {@code points}, all inside the reference. */
    private static double volume(List<double[]> points, double[] reference, int d) {
        if (points.isEmpty()) {
            return 0;
        }
        if (d == 1) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return reference[0] - best;
        }
        if (d == 2) {
            double[][] sorted = points.toArray(new double[0][]);
            Arrays.sort(sorted, Comparator.comparingDouble(p -> p[0]));
            double volume = 0;
            double lowest = reference[1];
            for (double[] p : sorted) {
                if (p[1] < lowest) {
                    volume += (reference[0] - p[0]) * (lowest - p[1]);
                    lowest = p[1];
                }
            }
            return volume;
        }
        int last = d - 1;
        double[][] sorted = points.toArray(new double[0][]);
        Arrays.sort(sorted, Comparator.comparingDouble(p -> p[last]));
        double volume = 0;
        List<double[]> below = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            below.add(sorted[i]);
            double top = i + 1 < sorted.length ? sorted[i + 1][last] : reference[last];
            if (top > sorted[i][last]) {
                volume += volume(below, reference, last) * (top - sorted[i][last]);
            }
        }
        return volume;
    }
}
