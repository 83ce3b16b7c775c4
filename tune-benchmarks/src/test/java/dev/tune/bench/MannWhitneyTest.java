package dev.tune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The Mann-Whitney test against values worked out from its definition; the decimals were
 * confirmed with scipy 1.17's {@code mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")}.
 */
class MannWhitneyTest {

    private static final double RELATIVE = 1e-10;

    @Test
    void identicalSamplesGivePOne() {
        double[] x = range(1, 20);
        MannWhitney.Outcome outcome = MannWhitney.test(x, x.clone());
        assertEquals(200, outcome.u1(), 0);
        assertEquals(1, outcome.p(), 0);
    }

    @Test
    void allValuesTiedGivePOne() {
        assertEquals(1, MannWhitney.pValue(new double[] {1, 1, 1, 1, 1}, new double[] {1, 1, 1, 1}), 0);
    }

    @Test
    void completelySeparatedTwentyAgainstTwenty() {
        // U1 = 0, U = 400, mean 200, sd = sqrt(20 * 20 * 41 / 12); z = (400 - 200 - 0.5) / sd;
        // p = 2 P(Z > z) = erfc(z / sqrt 2)
        double z = 199.5 / Math.sqrt(400 * 41 / 12.0);
        double expected = NormalTail.erfc(z / Math.sqrt(2));
        MannWhitney.Outcome low = MannWhitney.test(range(1, 20), range(21, 40));
        assertEquals(0, low.u1(), 0);
        assertEquals(z, low.z(), 1e-12);
        assertClose(expected, low.p());
        assertClose(6.795615128173358e-08, low.p());
        MannWhitney.Outcome high = MannWhitney.test(range(21, 40), range(1, 20));
        assertEquals(400, high.u1(), 0);
        assertEquals(low.p(), high.p(), 0);
    }

    @Test
    void separatedThreeAgainstThree() {
        // U = 9, mean 4.5, sd = sqrt(9 * 7 / 12); z = 4 / sd
        double z = 4 / Math.sqrt(5.25);
        assertClose(2 * NormalTail.upper(z), MannWhitney.pValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
        assertClose(0.08085559837005224, MannWhitney.pValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
    }

    @Test
    void interleavedSamplesAreIndistinguishable() {
        // x = 0, 2, ..., 38 and y = 1, 3, ..., 39: x_i beats the i values of y below it, U1 = 0 + 1 + ... + 19 = 190
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = 2 * i;
            y[i] = 2 * i + 1;
        }
        MannWhitney.Outcome outcome = MannWhitney.test(x, y);
        assertEquals(190, outcome.u1(), 0);
        assertClose(2 * NormalTail.upper(9.5 / Math.sqrt(400 * 41 / 12.0)), outcome.p());
        assertClose(0.7971974192691748, outcome.p());
    }

    @Test
    void tiesGetAverageRanksAndCorrectTheVariance() {
        double[] x = {1, 2, 2, 3, 3, 3, 4, 5};
        double[] y = {2, 3, 4, 4, 5, 6, 6, 7, 8};
        MannWhitney.Outcome outcome = MannWhitney.test(x, y);
        assertEquals(13, outcome.u1(), 0);
        assertClose(0.028372715346028934, outcome.p());
    }

    @Test
    void rejectsEmptyAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[] {Double.NaN}, new double[] {1}));
    }

    @Test
    void normalTailMatchesKnownValues() {
        assertEquals(0.5, NormalTail.upper(0), 0);
        assertClose(0.025, NormalTail.upper(1.959963984540054));
        assertClose(0.15865525393145707, NormalTail.upper(1));
        assertClose(0.0013498980316300933, NormalTail.upper(3));
        assertClose(0.8413447460685429, NormalTail.upper(-1));
        assertClose(7.61985302416047e-24, NormalTail.upper(10));
        assertEquals(0, NormalTail.upper(40), 0);
        assertEquals(1, NormalTail.upper(Double.NEGATIVE_INFINITY), 0);
        // Python's math.erfc
        double[][] erfc = {{0.1, 0.8875370839817152}, {0.5, 0.4795001221869535}, {0.9, 0.20309178757716786},
            {1.0, 0.15729920705028513}, {1.5, 0.033894853524689274}, {3, 2.2090496998585438e-05},
            {7.9, 5.572718056952545e-29}, {8.2, 4.290212022762982e-31}, {20, 5.3958656116079005e-176},
            {-0.3, 1.3286267594591274}, {-2, 1.9953222650189528}};
        for (double[] pair : erfc) {
            assertClose(pair[1], NormalTail.erfc(pair[0]));
        }
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * RELATIVE, () -> "expected " + expected + ", got " + actual);
    }

    private static double[] range(int from, int to) {
        double[] values = new double[to - from + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }
}
