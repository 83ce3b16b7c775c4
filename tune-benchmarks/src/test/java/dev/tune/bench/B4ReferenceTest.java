package dev.tune.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading Optuna's B4 figures, the regret computation and the report's number formats. */
class B4ReferenceTest {

    @Test
    void readsTheRawRegretsAndFindsTheBestSampler() {
        B4Reference reference = B4Reference.load();
        double[] random = reference.regrets("branin", "random", 100);
        assertEquals(20, random.length);
        assertEquals(0.19577801956778074, random[0], 0);
        assertEquals(1.4030215356553535, random[19], 0);
        assertEquals(0.3978873577297384, reference.optimum("branin"), 0);
        assertEquals(20, reference.wallSeconds("mixed", "tpe").length);
        // BENCHMARKS.md's table: lowest median @100 per function
        assertEquals("cmaes", reference.bestSampler("branin"));
        assertEquals("cmaes", reference.bestSampler("hartmann6"));
        assertEquals("cmaes", reference.bestSampler("rosenbrock4"));
        assertEquals("cmaes", reference.bestSampler("ackley5"));
        assertEquals("cmaes", reference.bestSampler("levy4"));
        assertEquals("tpe", reference.bestSampler("styblinski_tang8"));
        assertEquals("tpe_multivariate", reference.bestSampler("mixed"));
        assertEquals("0.05", B4Report.sig(Stats.median(reference.regrets("branin", "tpe", 100))));
    }

    @Test
    void aDamagedCopyFails() {
        String json = "{\"quality\": {\"config\": {\"known_optima\": {}}, \"raw\": {}}}";
        assertThrows(IllegalStateException.class,
                () -> B4Reference.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void regretIsTheBestOfTheFirstKValuesMinusTheOptimum() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        assertArrayEquals(new double[] {75, 50, 0}, B4Protocol.regrets(values, 1), 0);
        values[10] = Double.NaN;
        values[3] = -5;
        assertArrayEquals(new double[] {-6, -6, -6}, B4Protocol.regrets(values, 1), 0);
        double[] short40 = new double[40];
        assertArrayEquals(new double[] {0, Double.NaN, Double.NaN}, B4Protocol.regrets(short40, 0), 0);
    }

    @Test
    void cellsShowThreeSignificantDigitsAsBenchmarksMdDoes() {
        assertEquals("1.18", B4Report.sig(1.1770968299899367));
        assertEquals("0.05", B4Report.sig(0.050037278871627455));
        assertEquals("0.0135", B4Report.sig(0.01352));
        assertEquals("1691", B4Report.sig(1691.3));
        assertEquals("803", B4Report.sig(803.2));
        assertEquals("18", B4Report.sig(18.0004));
        assertEquals("0", B4Report.sig(0));
        assertEquals("-313", B4Report.sig(-313.3));
        assertEquals("0.0500373", B4Report.decimal(0.050037278871627455));
        assertEquals("1715.123457", B4Report.decimal(1715.1234567));
        assertEquals("0.000000123457", B4Report.decimal(1.2345678e-7));
    }

    @Test
    void parityIsNoSignificantDifferenceOrALowerMedian() {
        assertEquals(true, B4Report.parity(0.05, 2, 1));
        assertEquals(false, B4Report.parity(0.049, 2, 1));
        assertEquals(true, B4Report.parity(0.001, 0.5, 1));
    }
}
