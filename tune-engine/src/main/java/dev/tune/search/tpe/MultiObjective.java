package dev.tune.search.tpe;

import dev.tune.result.Dominance;
import dev.tune.result.Hypervolume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TPE with several objectives, as Optuna's {@code TPESampler} does with several directions: the
 * good trials are taken by non-domination rank, front after front, and where a front does not fit
 * whole, by greedy hypervolume subset selection (each time the trial that adds the most
 * hypervolume); each good trial then weighs in the good density by its own hypervolume
 * contribution (what the good set would lose without it), so the extremes and the knees of the
 * front are sampled around more than crowded points.
 */
final class MultiObjective {

    private static final double EPS = 1e-12;

    private MultiObjective() {
    }

    /** The {@code count} good trials among {@code complete}, by rank then hypervolume, in their given order. */
    static List<History.Seen> below(List<History.Seen> complete, int count) {
        if (count <= 0) {
            return List.of();
        }
        if (count >= complete.size()) {
            return List.copyOf(complete);
        }
        double[][] costs = complete.stream().map(History.Seen::costs).toArray(double[][]::new);
        boolean[] chosen = new boolean[costs.length];
        boolean[] ranked = new boolean[costs.length];
        int taken = 0;
        while (taken < count) { // front after front, only as many as the good set needs
            List<Integer> front = nextFront(costs, ranked);
            front.forEach(i -> ranked[i] = true);
            if (taken + front.size() <= count) {
                front.forEach(i -> chosen[i] = true);
                taken += front.size();
            } else {
                for (int i : greedySubset(front, costs, count - taken)) {
                    chosen[i] = true;
                }
                taken = count;
            }
        }
        List<History.Seen> below = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                below.add(complete.get(i));
            }
        }
        return below;
    }

    /**
     * Each good trial's weight: its hypervolume contribution over the largest, at least {@code EPS};
     * an infeasible trial weighs {@code EPS}, and the contributions are among the feasible ones.
     */
    static double[] weights(List<History.Seen> below) {
        double[] weights = new double[below.size()];
        List<Integer> feasible = new ArrayList<>();
        for (int i = 0; i < below.size(); i++) {
            boolean ok = !(below.get(i).violation() > 0);
            weights[i] = ok ? 1.0 : EPS;
            if (ok) {
                feasible.add(i);
            }
        }
        if (feasible.size() <= 1) {
            return weights;
        }
        double[] ofFeasible = contributions(feasible.stream().map(below::get).toList());
        for (int k = 0; k < feasible.size(); k++) {
            weights[feasible.get(k)] = ofFeasible[k];
        }
        return weights;
    }

    /** Hypervolume contributions of feasible trials, over the largest, at least {@code EPS}. */
    private static double[] contributions(List<History.Seen> below) {
        double[] weights = new double[below.size()];
        Arrays.fill(weights, 1.0);
        double[][] costs = below.stream().map(History.Seen::costs).toArray(double[][]::new);
        double[] reference = reference(costs);
        int[] ranks = ranks(costs);
        List<double[]> front = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) {
            if (ranks[i] == 0) {
                front.add(costs[i]);
            }
        }
        double all = Hypervolume.of(front, reference);
        if (Double.isInfinite(all)) {
            return weights;
        }
        double[] contributions = new double[costs.length];
        double largest = 0;
        for (int i = 0; i < costs.length; i++) {
            if (ranks[i] == 0) {
                List<double[]> without = new ArrayList<>(front);
                without.remove(costs[i]);
                contributions[i] = all - Hypervolume.of(without, reference);
                largest = Math.max(largest, contributions[i]);
            }
        }
        for (int i = 0; i < costs.length; i++) {
            weights[i] = Math.max(contributions[i] / Math.max(largest, EPS), EPS);
        }
        return weights;
    }

    /** Optuna's reference point: 1.1 times the worst of each coordinate (0.9 for a negative one), never 0. */
    static double[] reference(double[][] costs) {
        double[] reference = new double[costs[0].length];
        Arrays.fill(reference, Double.NEGATIVE_INFINITY);
        for (double[] c : costs) {
            for (int k = 0; k < c.length; k++) {
                reference[k] = Math.max(reference[k], c[k]);
            }
        }
        for (int k = 0; k < reference.length; k++) {
            reference[k] = Math.max(1.1 * reference[k], 0.9 * reference[k]);
            if (reference[k] == 0) {
                reference[k] = EPS;
            }
        }
        return reference;
    }

    /** Non-domination ranks: 0 for the Pareto front, 1 for the front once it is removed, and so on. */
    static int[] ranks(double[][] costs) {
        int[] ranks = new int[costs.length];
        boolean[] ranked = new boolean[costs.length];
        int assigned = 0;
        for (int rank = 0; assigned < costs.length; rank++) {
            List<Integer> front = nextFront(costs, ranked);
            for (int i : front) {
                ranks[i] = rank;
                ranked[i] = true;
            }
            assigned += front.size();
        }
        return ranks;
    }

    /** Greedy hypervolume subset selection of {@code size} of the {@code front}'s trials. */
    private static List<Integer> greedySubset(List<Integer> front, double[][] costs, int size) {
        double[][] points = front.stream().map(i -> costs[i]).toArray(double[][]::new);
        return SubsetSelection.greedy(points, reference(points), size).stream().map(front::get).toList();
    }

    /**
     * The non-dominated trials among those not {@code ranked} yet, in index order. Sorted by their
     * costs first, a trial can only be dominated by one before it, and then by one already on the
     * front, so each is compared with the front only.
     */
    static List<Integer> nextFront(double[][] costs, boolean[] ranked) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) {
            if (!ranked[i]) {
                order.add(i);
            }
        }
        order.sort((x, y) -> Arrays.compare(costs[x], costs[y]));
        List<Integer> front = new ArrayList<>();
        for (int i : order) {
            boolean dominated = false;
            for (int j = 0; j < front.size() && !dominated; j++) {
                dominated = Dominance.dominates(costs[front.get(j)], costs[i]);
            }
            if (!dominated) {
                front.add(i);
            }
        }
        front.sort(null);
        return front;
    }
}
