package dev.tune.search.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The primitive argsort matches a boxed stable sort; the normal's logarithms hold in both tails. */
class OrderAndGaussTest {

    @Test
    void theArgsortIsStableAndAscending() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {0, 1, 2, 7, 64, 1001}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(20) / 4.0;
            }
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, Comparator.comparingDouble(i -> values[i]));
            assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), Order.stable(values));
        }
    }

    @Test
    void logPhiAndItsDifferencesAreAccurateFarOut() {
        assertEquals(Math.log(0.5), Gauss.logPhi(0), 1e-7);
        assertEquals(Math.log(0.8413447460685429), Gauss.logPhi(1), 1e-7);
        assertEquals(Math.log(0.9986501019683699), Gauss.logPhi(3), 1e-7);
        // log Φ(-40): -800 - log(40 * sqrt(2π)) to leading order
        assertEquals(-804.6084420137538, Gauss.logPhi(-40), 1e-3);
        assertEquals(Math.log(0.6826894921370859), Gauss.logDiffPhi(-1, 1), 1e-7);
        assertEquals(Gauss.logDiffPhi(-50, -49), Gauss.logDiffPhi(49, 50), 1e-9);
        assertEquals(0, Gauss.logDiffPhi(-10, 10), 0);
        assertEquals(Math.log(Math.exp(2) + Math.exp(3)), Gauss.logSumExp(new double[] {2, 3, -1e9}, 3), 1e-12);
    }
}
