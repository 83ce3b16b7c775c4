package dev.tune.importance;

/**
 * One fitted tree of the forest, as flat arrays indexed by node (the root is node 0): a split node
 * sends a point whose {@code feature} value is at most {@code threshold} to {@code left}, others to
 * {@code right}; a leaf ({@code feature < 0}) predicts {@code value}.
 */
record RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {

    int nodes() {
        return feature.length;
    }

    boolean isLeaf(int node) {
        return feature[node] < 0;
    }

    /** The prediction for one point, given by column. */
    double predict(double[] point) {
        int node = 0;
        while (!isLeaf(node)) {
            node = point[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return value[node];
    }
}
