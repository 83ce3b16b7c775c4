package dev.tune.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The variance decomposition of hand-built trees, whose marginals are known in closed form. */
class FanovaTreeTest {

    private static final double[][] UNIT_SQUARE = {{0, 1}, {0, 1}};

    @Test
    void aTreeOnOneColumnPutsAllItsVarianceThere() {
        // x <= 0.25 predicts 0, else 4: mean 3, variance 0.25 * 9 + 0.75 * 1 = 3
        RegressionTree tree = new RegressionTree(new int[] {0, -1, -1}, new double[] {0.25, 0, 0},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new double[] {3, 0, 4});
        FanovaTree anova = new FanovaTree(tree, UNIT_SQUARE);

        assertEquals(3, anova.variance(), 1e-12);
        assertEquals(3, anova.marginalVariance(new int[] {0}), 1e-12);
        assertEquals(0, anova.marginalVariance(new int[] {1}), 1e-12);
        assertEquals(3, anova.marginalVariance(new int[] {0, 1}), 1e-12);
    }

    @Test
    void anAdditiveTreeSplitsItsVarianceByColumn() {
        // f = a(x) + b(y) with a in {0, 2} at x = 0.5 and b in {0, 1} at y = 0.5:
        // Var a = 1, Var b = 0.25, no interaction
        RegressionTree tree = new RegressionTree(
                new int[] {0, 1, -1, -1, 1, -1, -1},
                new double[] {0.5, 0.5, 0, 0, 0.5, 0, 0},
                new int[] {1, 2, -1, -1, 5, -1, -1},
                new int[] {4, 3, -1, -1, 6, -1, -1},
                new double[] {0, 0, 0, 1, 0, 2, 3});
        FanovaTree anova = new FanovaTree(tree, UNIT_SQUARE);

        assertEquals(1.25, anova.variance(), 1e-12);
        assertEquals(1, anova.marginalVariance(new int[] {0}), 1e-12);
        assertEquals(0.25, anova.marginalVariance(new int[] {1}), 1e-12);
    }

    @Test
    void anInteractionBelongsToNeitherColumnAlone() {
        // xor: 1 where exactly one of x, y is above 0.5; each marginal is flat
        RegressionTree tree = new RegressionTree(
                new int[] {0, 1, -1, -1, 1, -1, -1},
                new double[] {0.5, 0.5, 0, 0, 0.5, 0, 0},
                new int[] {1, 2, -1, -1, 5, -1, -1},
                new int[] {4, 3, -1, -1, 6, -1, -1},
                new double[] {0, 0, 0, 1, 0, 1, 0});
        FanovaTree anova = new FanovaTree(tree, UNIT_SQUARE);

        assertEquals(0.25, anova.variance(), 1e-12);
        assertEquals(0, anova.marginalVariance(new int[] {0}), 1e-12);
        assertEquals(0, anova.marginalVariance(new int[] {1}), 1e-12);
        assertEquals(0.25, anova.marginalVariance(new int[] {0, 1}), 1e-12);
    }

    @Test
    void unevenBoundsWeighCellsByTheirSize() {
        // x in [0, 10], split at 9: value 1 on 90% of the space, 11 on 10%: mean 2, variance 9
        RegressionTree tree = new RegressionTree(new int[] {0, -1, -1}, new double[] {9, 0, 0},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new double[] {0, 1, 11});
        FanovaTree anova = new FanovaTree(tree, new double[][] {{0, 10}, {-3, 3}});

        assertEquals(9, anova.variance(), 1e-12);
        assertEquals(9, anova.marginalVariance(new int[] {0}), 1e-12);
    }
}
