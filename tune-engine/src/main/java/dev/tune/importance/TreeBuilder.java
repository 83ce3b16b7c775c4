package dev.tune.importance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one regression tree as scikit-learn's {@code DecisionTreeRegressor} does inside a random
 * forest: squared-error splits over every column (visited in a random order, the first best split
 * kept), thresholds halfway between neighbouring distinct values, points at or below a threshold to
 * the left, a leaf when a node holds fewer than two distinct samples, all its targets are equal,
 * or it is {@code maxDepth} deep. Samples carry their bootstrap counts as weights.
 *
 * <p>Each column's samples are sorted once; a split partitions every column's order stably, so a
 * level of the tree costs one pass over the columns.
 */
final class TreeBuilder {

    private static final double EPSILON = Math.ulp(1.0);

    private final double[][] columns;
    private final double[] targets;
    private final double[] weights;
    private final int maxDepth;
    private final SplittableRandom random;
    /** Per column, the samples of each node in order of that column's value, nodes side by side. */
    private final int[][] order;
    private final boolean[] goesLeft;
    private final int[] buffer;
    private final Nodes nodes = new Nodes();

    /**
     * @param columns the feature values, by column then sample
     * @param sorted per column, every sample in order of its value
     * @param weights per sample its bootstrap count; samples of weight 0 take no part
     */
    TreeBuilder(double[][] columns, int[][] sorted, double[] targets, double[] weights, int maxDepth,
            SplittableRandom random) {
        this.columns = columns;
        this.targets = targets;
        this.weights = weights;
        this.maxDepth = maxDepth;
        this.random = random;
        this.order = new int[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            order[f] = Arrays.stream(sorted[f]).filter(i -> weights[i] > 0).toArray();
        }
        this.goesLeft = new boolean[targets.length];
        this.buffer = new int[order.length == 0 ? 0 : order[0].length];
    }

    RegressionTree build() {
        int n = order.length == 0 ? 0 : order[0].length;
        grow(0, n, 0);
        return nodes.toTree();
    }

    private int grow(int start, int end, int depth) {
        double weight = 0;
        double sum = 0;
        double squares = 0;
        int[] samples = order[0];
        for (int p = start; p < end; p++) {
            int i = samples[p];
            weight += weights[i];
            sum += weights[i] * targets[i];
            squares += weights[i] * targets[i] * targets[i];
        }
        double mean = sum / weight;
        double impurity = squares / weight - mean * mean;
        int node = nodes.add(mean);
        if (depth >= maxDepth || end - start < 2 || impurity <= EPSILON) {
            return node;
        }
        Split split = bestSplit(start, end, weight, sum);
        if (split == null) {
            return node;
        }
        int middle = partition(start, end, split);
        nodes.split(node, split.feature, split.threshold);
        int left = grow(start, middle, depth + 1); // grow may replace the arrays: assign after it
        int right = grow(middle, end, depth + 1);
        nodes.left[node] = left;
        nodes.right[node] = right;
        return node;
    }

    private record Split(int feature, double threshold) {
    }

    private Split bestSplit(int start, int end, double weight, double sum) {
        int[] features = shuffledFeatures();
        double best = Double.NEGATIVE_INFINITY;
        Split split = null;
        for (int f : features) {
            double[] values = columns[f];
            int[] samples = order[f];
            if (values[samples[start]] >= values[samples[end - 1]]) {
                continue; // constant in this node
            }
            double leftWeight = 0;
            double leftSum = 0;
            for (int p = start; p < end - 1; p++) {
                int i = samples[p];
                leftWeight += weights[i];
                leftSum += weights[i] * targets[i];
                double here = values[i];
                double next = values[samples[p + 1]];
                if (next <= here) {
                    continue;
                }
                double rightWeight = weight - leftWeight;
                double rightSum = sum - leftSum;
                double proxy = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight;
                if (proxy > best) {
                    best = proxy;
                    double threshold = here / 2.0 + next / 2.0;
                    if (threshold == next || Double.isInfinite(threshold)) {
                        threshold = here;
                    }
                    split = new Split(f, threshold);
                }
            }
        }
        return split;
    }

    private int[] shuffledFeatures() {
        int[] features = new int[columns.length];
        for (int f = 0; f < features.length; f++) {
            features[f] = f;
        }
        for (int k = features.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = features[k];
            features[k] = features[j];
            features[j] = swap;
        }
        return features;
    }

    /** Moves each column's samples at or below the split to the front of the node, keeping their order. */
    private int partition(int start, int end, Split split) {
        double[] values = columns[split.feature];
        int middle = start;
        for (int p = start; p < end; p++) {
            int i = order[0][p];
            goesLeft[i] = values[i] <= split.threshold;
            if (goesLeft[i]) {
                middle++;
            }
        }
        for (int[] samples : order) {
            int l = start;
            int r = 0;
            for (int p = start; p < end; p++) {
                int i = samples[p];
                if (goesLeft[i]) {
                    samples[l++] = i;
                } else {
                    buffer[r++] = i;
                }
            }
            System.arraycopy(buffer, 0, samples, l, r);
        }
        return middle;
    }

    /** The growing tree's arrays. */
    private static final class Nodes {
        int count;
        int[] feature = new int[64];
        double[] threshold = new double[64];
        int[] left = new int[64];
        int[] right = new int[64];
        double[] value = new double[64];

        int add(double mean) {
            if (count == feature.length) {
                int size = count * 2;
                feature = Arrays.copyOf(feature, size);
                threshold = Arrays.copyOf(threshold, size);
                left = Arrays.copyOf(left, size);
                right = Arrays.copyOf(right, size);
                value = Arrays.copyOf(value, size);
            }
            feature[count] = -1;
            left[count] = -1;
            right[count] = -1;
            value[count] = mean;
            return count++;
        }

        void split(int node, int on, double at) {
            feature[node] = on;
            threshold[node] = at;
        }

        RegressionTree toTree() {
            return new RegressionTree(Arrays.copyOf(feature, count), Arrays.copyOf(threshold, count),
                    Arrays.copyOf(left, count), Arrays.copyOf(right, count), Arrays.copyOf(value, count));
        }
    }
}
