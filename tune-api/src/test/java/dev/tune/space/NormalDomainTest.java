package dev.tune.space;

import static dev.tune.space.FloatDomainTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalDomainTest {

    @Test
    void samplesHaveTheGivenMeanAndStandardDeviation() {
        List<Double> values = Samples.doubles(new NormalDomain(5, 2, 0));
        double mean = values.stream().mapToDouble(v -> v).average().orElseThrow();
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertEquals(5, mean, 0.05);
        assertEquals(2, Math.sqrt(variance), 0.05);
        assertEquals(0.6827, Samples.fraction(values, 3, 7), 0.015, "one sd either side");
    }

    @Test
    void quantizedSamplesAreExactDecimals() {
        for (double v : Samples.doubles(new NormalDomain(0, 1, 0.1))) {
            assertTrue(new BigDecimal(Double.toString(v)).scale() <= 1, () -> "not a multiple of 0.1: " + v);
        }
    }

    @Test
    void containsEveryFiniteNumber() {
        NormalDomain domain = new NormalDomain(0, 1, 0);
        assertTrue(domain.contains(1e9));
        assertTrue(domain.contains(-3));
        assertFalse(domain.contains(Double.NaN));
        assertFalse(domain.contains("1"));
    }

    @Test
    void validation() {
        assertMessage("sd must be positive, got 0.0", () -> new NormalDomain(0, 0, 0));
        assertMessage("sd must be positive, got -1.0", () -> new NormalDomain(0, -1, 0));
        assertMessage("mean must be a finite number", () -> new NormalDomain(Double.NaN, 1, 0));
        assertMessage("q must be positive, got -1.0", () -> new NormalDomain(0, 1, -1));
    }

    @Test
    void describeUsesRayNames() {
        assertEquals("randn(0.0, 1.0)", new NormalDomain(0, 1, 0).describe());
        assertEquals("qrandn(0.0, 1.0, q=0.5)", new NormalDomain(0, 1, 0.5).describe());
    }
}
