package dev.tune.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Hyperparameter importance by fANOVA on a random forest, as Optuna's default
 * {@code FanovaImportanceEvaluator} computes it: a forest of regression trees (bootstrap samples,
 * every column considered at each split, as scikit-learn's {@code RandomForestRegressor} with
 * Optuna's settings) predicts the objective from the hyperparameters; in each tree, a
 * hyperparameter's importance is the variance of the tree's marginal over it divided by the tree's
 * whole variance, a choice's one-hot columns taken jointly; the importances are averaged over the
 * trees whose variance is not zero, and normalised to add up to 1. Only first-order effects are
 * measured: what a hyperparameter explains together with another is in neither's share.
 *
 * <p>The forest's randomness comes from {@code seed} alone, so a report is the same each time it is
 * written. The defaults are Optuna's: 64 trees, 64 levels deep.
 */
public final class Fanova {

    private final int trees;
    private final int maxDepth;
    private final long seed;

    public Fanova(int trees, int maxDepth, long seed) {
        if (trees < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("fANOVA needs at least one tree of depth 1");
        }
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.seed = seed;
    }

    /** Optuna's defaults (64 trees, depth 64) with seed 0. */
    public static Fanova defaults() {
        return new Fanova(64, 64, 0);
    }

    /**
     * Each hyperparameter's importance for {@code targets}, most important first. A hyperparameter
     * with one possible value gets 0, as do all when there are fewer than two trials or the
     * targets do not vary.
     *
     * @param params the hyperparameters, each with one value per target
     * @param targets the objective of each trial, all finite
     */
    public List<ParamImportance> evaluate(List<ParamColumn> params, double[] targets) {
        for (ParamColumn param : params) {
            if (param.values().length != targets.length) {
                throw new IllegalArgumentException(param.name() + " has " + param.values().length
                        + " values for " + targets.length + " targets");
            }
        }
        List<ParamColumn> varying = params.stream().filter(p -> !p.isSingle()).toList();
        double[] shares = new double[varying.size()];
        if (!varying.isEmpty() && targets.length > 1) {
            shares = shares(varying, targets);
        }
        double total = Arrays.stream(shares).sum();
        List<ParamImportance> result = new ArrayList<>();
        for (int k = 0; k < varying.size(); k++) {
            result.add(new ParamImportance(varying.get(k).name(), total > 0 ? shares[k] / total : 0));
        }
        params.stream().filter(ParamColumn::isSingle).forEach(p -> result.add(new ParamImportance(p.name(), 0)));
        result.sort(Comparator.comparingDouble(ParamImportance::importance).reversed());
        return List.copyOf(result);
    }

    private double[] shares(List<ParamColumn> params, double[] targets) {
        Encoding encoding = new Encoding(params);
        double[][] columns = encoding.columns();
        int[][] sorted = new int[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            double[] values = columns[c];
            sorted[c] = IntStream.range(0, targets.length).boxed()
                    .sorted(Comparator.comparingDouble(i -> values[i])).mapToInt(Integer::intValue).toArray();
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] sums = new double[params.size()];
        int counted = 0;
        for (int t = 0; t < trees; t++) {
            SplittableRandom treeRandom = random.split();
            double[] weights = new double[targets.length];
            for (int k = 0; k < targets.length; k++) {
                weights[treeRandom.nextInt(targets.length)]++;
            }
            RegressionTree tree = new TreeBuilder(columns, sorted, targets, weights, maxDepth, treeRandom).build();
            FanovaTree anova = new FanovaTree(tree, encoding.bounds());
            if (anova.variance() > 0) {
                counted++;
                for (int k = 0; k < params.size(); k++) {
                    sums[k] += anova.marginalVariance(encoding.columnsOf(k)) / anova.variance();
                }
            }
        }
        for (int k = 0; k < sums.length; k++) {
            sums[k] = counted == 0 ? 0 : sums[k] / counted;
        }
        return sums;
    }
}
