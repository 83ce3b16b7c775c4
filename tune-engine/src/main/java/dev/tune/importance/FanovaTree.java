package dev.tune.importance;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The functional ANOVA of one tree (Hutter, Hoos and Leyton-Brown, 2014). A tree is constant on
 * each leaf's box, so under the uniform distribution over the search space its variance, and the
 * variance of its marginal over a set of columns (the tree averaged over every other column), are
 * exact sums over leaves: along the chosen columns the tree's split values cut the space into
 * cells; each leaf adds its value, weighted by its extent in the other columns, to the cells it
 * covers; the marginal's variance is then taken over the cells, weighted by their size.
 */
final class FanovaTree {

    private final int columns;
    private final double[][] bounds;
    /** Per leaf, its box: low and high per column. */
    private final double[][] lows;
    private final double[][] highs;
    private final double[] values;
    private final double[][] cuts;
    private final double variance;

    /** @param bounds per column its lower and upper bound */
    FanovaTree(RegressionTree tree, double[][] bounds) {
        this.columns = bounds.length;
        this.bounds = bounds;
        int leaves = 0;
        for (int node = 0; node < tree.nodes(); node++) {
            leaves += tree.isLeaf(node) ? 1 : 0;
        }
        lows = new double[leaves][];
        highs = new double[leaves][];
        values = new double[leaves];
        double[] low = new double[columns];
        double[] high = new double[columns];
        for (int c = 0; c < columns; c++) {
            low[c] = bounds[c][0];
            high[c] = bounds[c][1];
        }
        collectLeaves(tree, 0, low, high, new int[1]);
        cuts = cuts(tree);
        variance = leafVariance();
    }

    /** The tree's variance over the whole space; 0 when it predicts one value everywhere. */
    double variance() {
        return variance;
    }

    /** The variance of the tree's marginal over {@code selected} columns, taken jointly. */
    double marginalVariance(int[] selected) {
        int[] sizes = new int[selected.length];
        int cells = 1;
        for (int k = 0; k < selected.length; k++) {
            sizes[k] = cuts[selected[k]].length - 1;
            cells = Math.multiplyExact(cells, sizes[k]);
        }
        double[] sums = new double[cells];
        int[] from = new int[selected.length];
        int[] to = new int[selected.length];
        for (int leaf = 0; leaf < values.length; leaf++) {
            double rest = 1;
            for (int c = 0; c < columns; c++) {
                if (!contains(selected, c)) {
                    rest *= highs[leaf][c] - lows[leaf][c];
                }
            }
            boolean empty = false;
            for (int k = 0; k < selected.length; k++) {
                double[] edges = cuts[selected[k]];
                from[k] = Arrays.binarySearch(edges, lows[leaf][selected[k]]);
                to[k] = Arrays.binarySearch(edges, highs[leaf][selected[k]]);
                empty |= from[k] < 0 || to[k] <= from[k];
            }
            if (!empty) {
                addToCells(sums, sizes, from, to, values[leaf] * rest);
            }
        }
        double restVolume = 1;
        for (int c = 0; c < columns; c++) {
            if (!contains(selected, c)) {
                restVolume *= bounds[c][1] - bounds[c][0];
            }
        }
        double[] weights = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            double size = 1;
            int index = cell;
            for (int k = selected.length - 1; k >= 0; k--) {
                int i = index % sizes[k];
                index /= sizes[k];
                double[] edges = cuts[selected[k]];
                size *= edges[i + 1] - edges[i];
            }
            weights[cell] = size;
            sums[cell] /= restVolume;
        }
        return Math.max(0, weightedVariance(sums, weights));
    }

    private static boolean contains(int[] selected, int column) {
        for (int s : selected) {
            if (s == column) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code amount} to every cell of the block {@code from} (inclusive) to {@code to} (exclusive). */
    private static void addToCells(double[] sums, int[] sizes, int[] from, int[] to, double amount) {
        int[] at = from.clone();
        while (true) {
            int cell = 0;
            for (int k = 0; k < sizes.length; k++) {
                cell = cell * sizes[k] + at[k];
            }
            sums[cell] += amount;
            int k = sizes.length - 1;
            while (k >= 0 && ++at[k] == to[k]) {
                at[k] = from[k];
                k--;
            }
            if (k < 0) {
                return;
            }
        }
    }

    private void collectLeaves(RegressionTree tree, int node, double[] low, double[] high, int[] next) {
        if (tree.isLeaf(node)) {
            int leaf = next[0]++;
            lows[leaf] = low.clone();
            highs[leaf] = high.clone();
            values[leaf] = tree.value()[node];
            return;
        }
        int f = tree.feature()[node];
        double t = tree.threshold()[node];
        double savedHigh = high[f];
        high[f] = Math.min(savedHigh, Math.max(low[f], t));
        collectLeaves(tree, tree.left()[node], low, high, next);
        high[f] = savedHigh;
        double savedLow = low[f];
        low[f] = Math.max(savedLow, Math.min(high[f], t));
        collectLeaves(tree, tree.right()[node], low, high, next);
        low[f] = savedLow;
    }

    /** Per column, the bounds and every split value inside them, sorted: the cells' edges. */
    private double[][] cuts(RegressionTree tree) {
        @SuppressWarnings("unchecked")
        TreeSet<Double>[] edges = new TreeSet[columns];
        for (int c = 0; c < columns; c++) {
            edges[c] = new TreeSet<>();
            edges[c].add(bounds[c][0]);
            edges[c].add(bounds[c][1]);
        }
        for (int node = 0; node < tree.nodes(); node++) {
            int f = tree.feature()[node];
            if (f >= 0) {
                double t = Math.min(bounds[f][1], Math.max(bounds[f][0], tree.threshold()[node]));
                edges[f].add(t);
            }
        }
        double[][] result = new double[columns][];
        for (int c = 0; c < columns; c++) {
            result[c] = new double[edges[c].size()];
            int i = 0;
            for (double edge : edges[c]) {
                result[c][i++] = edge;
            }
        }
        return result;
    }

    private double leafVariance() {
        double[] weights = new double[values.length];
        for (int leaf = 0; leaf < values.length; leaf++) {
            double volume = 1;
            for (int c = 0; c < columns; c++) {
                volume *= highs[leaf][c] - lows[leaf][c];
            }
            weights[leaf] = volume;
        }
        return weightedVariance(values, weights);
    }

    private static double weightedVariance(double[] values, double[] weights) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            total += weights[i];
            sum += weights[i] * values[i];
        }
        if (!(total > 0)) {
            return 0;
        }
        double mean = sum / total;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            squares += weights[i] * (values[i] - mean) * (values[i] - mean);
        }
        return squares / total;
    }
}
