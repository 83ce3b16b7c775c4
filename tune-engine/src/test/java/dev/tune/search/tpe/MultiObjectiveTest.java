package dev.tune.search.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How TPE with several objectives picks and weighs its good trials (Optuna's rule). */
class MultiObjectiveTest {

    private static List<History.Seen> trials(double[]... costs) {
        List<History.Seen> seen = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) {
            seen.add(new History.Seen("t" + i, i + 1, Config.of(Map.of("x", (double) i)), costs[i][0], false, 1,
                    costs[i]));
        }
        return seen;
    }

    @Test
    void ranksAreTheFrontsPeeledOneAfterAnother() {
        double[][] costs = {{1, 3}, {2, 2}, {3, 1}, {2, 3}, {3, 3}, {4, 4}};
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 3}, MultiObjective.ranks(costs));
    }

    @Test
    void theGoodTrialsAreWholeFrontsThenTheMostHypervolumeOfTheNext() {
        List<History.Seen> seen = trials(new double[] {1, 10}, new double[] {10, 1}, new double[] {5, 5},
                new double[] {5.1, 5.2}, new double[] {2, 9.5}, new double[] {20, 20});
        List<History.Seen> below = MultiObjective.below(seen, 2);
        assertEquals(2, below.size());
        List<History.Seen> three = MultiObjective.below(seen, 4);
        assertEquals(List.of("t0", "t1", "t2", "t4"), three.stream().map(History.Seen::id).toList(),
                "the front (t0, t1, t2, t4) fits whole; t3 and t5 are dominated");
    }

    @Test
    void aPointThatAddsMoreHypervolumeWeighsMore() {
        // the middle point is crowded by its neighbours; the ends each hold a corner alone
        List<History.Seen> front = trials(new double[] {0, 10}, new double[] {4.9, 5.1}, new double[] {5, 5},
                new double[] {10, 0});
        double[] weights = MultiObjective.weights(front);
        assertEquals(1.0, Math.max(weights[0], weights[3]), 1e-12, "the largest contribution weighs 1");
        assertTrue(weights[1] < weights[0] && weights[2] < weights[3], java.util.Arrays.toString(weights));
    }

    @Test
    void theReferencePointIsALittleWorseThanTheWorst() {
        assertArrayEquals(new double[] {11, -0.9, 1e-12}, MultiObjective.reference(new double[][] {{10, -1, 0}, {5, -2, 0}}),
                1e-12);
    }

    @Test
    void lazyGreedySelectionPicksWhatPlainGreedyPicks() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int d = 2; d <= 3; d++) {
            double[][] points = new double[60][];
            for (int i = 0; i < points.length; i++) { // points near a concave front, all non-dominated or close to it
                double[] p = new double[d];
                double norm = 0;
                for (int k = 0; k < d; k++) {
                    p[k] = random.nextDouble() + 1e-3;
                    norm += p[k] * p[k];
                }
                for (int k = 0; k < d; k++) {
                    p[k] = p[k] / Math.sqrt(norm) + 0.05 * random.nextDouble();
                }
                points[i] = p;
            }
            double[] reference = MultiObjective.reference(points);
            List<Integer> plain = new java.util.ArrayList<>();
            List<double[]> subset = new java.util.ArrayList<>();
            for (int step = 0; step < 10; step++) {
                int best = -1;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < points.length; i++) {
                    if (plain.contains(i)) {
                        continue;
                    }
                    subset.add(points[i]);
                    double gain = dev.tune.result.Hypervolume.of(subset, reference);
                    subset.remove(subset.size() - 1);
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        best = i;
                    }
                }
                plain.add(best);
                subset.add(points[best]);
            }
            assertEquals(plain, SubsetSelection.greedy(points, reference, 10), d + " objectives");
        }
    }

    @Test
    void theNextFrontComparesWithTheFrontOnlyAndKeepsTies() {
        double[][] costs = {{3, 1}, {1, 3}, {2, 2}, {2, 2}, {3, 3}, {1, 4}};
        assertEquals(List.of(0, 1, 2, 3), MultiObjective.nextFront(costs, new boolean[6]));
        assertEquals(List.of(4, 5), MultiObjective.nextFront(costs, new boolean[] {true, true, true, true, false, false}));
    }
}
