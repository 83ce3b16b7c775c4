package dev.tune.search.tpe;

import dev.tune.result.Hypervolume;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy hypervolume subset selection, as Optuna's {@code _solve_hssp}: {@code size} points, each
 * time the one that adds the most hypervolume to those already taken. Lazily, since a point's gain
 * only shrinks as the subset grows: each point keeps the gain last computed for it as a bound, and
 * only the point with the best bound is computed again, so a large front (several objectives after
 * a thousand trials) costs a few hypervolumes of small sets per pick, not one per point. A point's
 * gain is the volume of its own box less the hypervolume of the taken points clipped to that box.
 */
final class SubsetSelection {

    private SubsetSelection() {
    }

    /** The indices of the {@code size} points picked, in the order picked; ties go to the lower index. */
    static List<Integer> greedy(double[][] points, double[] reference, int size) {
        int n = points.length;
        double[] bound = new double[n];
        for (int i = 0; i < n; i++) {
            bound[i] = box(points[i], reference);
        }
        boolean[] taken = new boolean[n];
        List<double[]> subset = new ArrayList<>();
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < Math.min(size, n)) {
            while (true) {
                int top = best(bound, taken, -1);
                bound[top] = gain(points[top], subset, reference);
                int next = best(bound, taken, top);
                if (next < 0 || bound[top] > bound[next] || bound[top] == bound[next] && top < next) {
                    taken[top] = true;
                    subset.add(points[top]);
                    picked.add(top);
                    break;
                }
            }
        }
        return picked;
    }

    /** The untaken index with the largest bound, the lower index on ties, other than {@code except}; -1 when none. */
    private static int best(double[] bound, boolean[] taken, int except) {
        int best = -1;
        for (int i = 0; i < bound.length; i++) {
            if (!taken[i] && i != except && (best < 0 || bound[i] > bound[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The hypervolume {@code point} adds to {@code subset}. */
    static double gain(double[] point, List<double[]> subset, double[] reference) {
        double own = box(point, reference);
        if (subset.isEmpty() || own <= 0) {
            return Math.max(own, 0);
        }
        List<double[]> clipped = new ArrayList<>(subset.size());
        for (double[] s : subset) {
            double[] c = new double[s.length];
            for (int k = 0; k < c.length; k++) {
                c[k] = Math.max(s[k], point[k]);
            }
            clipped.add(c);
        }
        return own - Hypervolume.of(clipped, reference);
    }

    private static double box(double[] point, double[] reference) {
        double volume = 1;
        for (int k = 0; k < point.length; k++) {
            volume *= Math.max(0, reference[k] - point[k]);
        }
        return volume;
    }
}
