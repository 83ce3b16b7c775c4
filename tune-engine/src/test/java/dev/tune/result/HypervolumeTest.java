package dev.tune.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hypervolumes whose value is known by hand, in two and three dimensions. */
class HypervolumeTest {

    @Test
    void twoDimensionsAddTheRectanglesUnderTheStaircase() {
        List<double[]> front = List.of(new double[] {1, 2}, new double[] {2, 1});
        assertEquals(3, Hypervolume.of(front, new double[] {3, 3}), 1e-12);
        List<double[]> withDominated = List.of(new double[] {1, 2}, new double[] {2, 1}, new double[] {2.5, 2.5});
        assertEquals(3, Hypervolume.of(withDominated, new double[] {3, 3}), 1e-12, "a dominated point adds nothing");
        List<double[]> outside = List.of(new double[] {1, 2}, new double[] {2, 1}, new double[] {0.5, 3});
        assertEquals(3, Hypervolume.of(outside, new double[] {3, 3}), 1e-12, "a point on the reference adds nothing");
    }

    @Test
    void threeDimensionsByInclusionAndExclusion() {
        double[] a = {0, 1, 1};
        double[] b = {1, 0, 1};
        double[] c = {1, 1, 0};
        double[] reference = {2, 2, 2};
        // each box is 2 x 1 x 1 = 2; pairwise intersections 1 x 1 x 1 = 1; all three 1
        assertEquals(2 + 2 + 2 - 1 - 1 - 1 + 1, Hypervolume.of(List.of(a, b, c), reference), 1e-12);
        assertEquals(8, Hypervolume.of(List.of(new double[] {0, 0, 0}), reference), 1e-12);
    }

    @Test
    void zdt1sTrueFrontApproachesItsKnownHypervolume() {
        List<double[]> front = new ArrayList<>();
        int n = 20_000;
        for (int i = 0; i <= n; i++) {
            double f1 = (double) i / n;
            front.add(new double[] {f1, 1 - Math.sqrt(f1)});
        }
        assertEquals(12.1 - 1.0 / 3, Hypervolume.of(front, new double[] {1.1, 11}), 1e-3);
    }
}
