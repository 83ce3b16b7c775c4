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
}
