package dev.tune.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantizeTest {

    @Test
    void roundsToTheNearestMultipleWithoutBinaryNoise() {
        assertEquals(0.3, Domain.quantize(0.1 + 0.2, 0.1));
        assertEquals(0.3, Domain.quantize(0.26, 0.1));
        assertEquals(0.7, Domain.quantize(0.7, 0.1));
        assertEquals(0.05, Domain.quantize(0.049, 0.01));
        assertEquals(1200.0, Domain.quantize(1234, 100));
        assertEquals(-0.2, Domain.quantize(-0.21, 0.1));
        assertEquals(0.0, Domain.quantize(0.04, 0.1));
    }

    @Test
    void everyMultipleOfATenthIsItsShortestDecimal() {
        for (int k = -100; k <= 100; k++) {
            double value = Domain.quantize(k * 0.1, 0.1);
            assertEquals(Double.parseDouble(java.math.BigDecimal.valueOf(k, 1).toPlainString()), value);
        }
    }
}
