package dev.tune.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FloatDomainTest {

    @Test
    void uniformStaysInLowerInclusiveUpperExclusiveAndFillsTheRange() {
        FloatDomain domain = FloatDomain.uniform(-2, 3);
        List<Double> values = Samples.doubles(domain);
        assertTrue(values.stream().allMatch(v -> v >= -2 && v < 3));
        assertTrue(values.stream().allMatch(domain::contains));
        assertTrue(values.stream().mapToDouble(v -> v).min().getAsDouble() < -1.99);
        assertTrue(values.stream().mapToDouble(v -> v).max().getAsDouble() > 2.99);
        assertEquals(0.2, Samples.fraction(values, -2, -1), 0.02);
    }

    @Test
    void fromUnitMapsTheEndsOfTheUnitIntervalInsideTheBounds() {
        FloatDomain linear = FloatDomain.uniform(1, 2);
        assertEquals(1.0, linear.fromUnit(0));
        assertTrue(linear.fromUnit(Math.nextDown(1.0)) < 2);
        for (double lower : new double[] {1e-8, 1e-5, 2e-4, 7}) {
            FloatDomain log = FloatDomain.logUniform(lower, lower * 1000);
            assertTrue(log.contains(log.fromUnit(0)), () -> "fromUnit(0) below " + lower + ": " + log.fromUnit(0));
            assertTrue(log.contains(log.fromUnit(Math.nextDown(1.0))));
        }
    }

    @Test
    void logUniformSpreadsEvenlyOverOrdersOfMagnitude() {
        FloatDomain domain = FloatDomain.logUniform(1e-4, 1e-1);
        List<Double> values = Samples.doubles(domain);
        assertTrue(values.stream().allMatch(domain::contains));
        for (double decade : new double[] {1e-4, 1e-3, 1e-2}) {
            assertEquals(1 / 3.0, Samples.fraction(values, decade, decade * 10), 0.02, "decade " + decade);
        }
    }

    @Test
    void logBaseOnlyChangesTheDescription() {
        FloatDomain base2 = new FloatDomain(1, 1024, true, 2, 0);
        assertTrue(Samples.doubles(base2).stream().allMatch(base2::contains));
        assertEquals(0.1, Samples.fraction(Samples.doubles(base2), 1, 2), 0.01);
        assertTrue(base2.describe().contains("base=2.0"), base2.describe());
    }

    @Test
    void quantizedValuesAreExactDecimalMultiplesOfQWithBothBoundsInclusive() {
        FloatDomain domain = new FloatDomain(0, 1, false, 10, 0.1);
        Set<Double> seen = new TreeSet<>(Samples.doubles(domain));
        Set<Double> expected = new TreeSet<>(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0));
        assertEquals(expected, seen);
        assertTrue(seen.contains(0.3), "0.3 exactly, not 0.30000000000000004");
        assertTrue(domain.contains(1.0), "q variants include the upper bound");
    }

    @Test
    void quantizationNeverLeavesBoundsThatAreNotMultiplesOfQ() {
        FloatDomain domain = new FloatDomain(0.05, 0.95, false, 10, 0.1);
        Set<Double> seen = new TreeSet<>(Samples.doubles(domain));
        assertEquals(new TreeSet<>(List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)), seen);
    }

    @Test
    void qLogUniformGivesMultiplesOfQOverSeveralMagnitudes() {
        FloatDomain domain = new FloatDomain(1e-3, 1, true, 10, 1e-3);
        List<Double> values = Samples.doubles(domain);
        for (double v : values) {
            assertTrue(v >= 1e-3 && v <= 1, "in bounds: " + v);
            assertTrue(new BigDecimal(Double.toString(v)).scale() <= 3, "exact multiple of 0.001: " + v);
        }
        assertTrue(Samples.fraction(values, 1e-3, 1e-2) > 0.25, "small values are as likely as large ones");
    }

    @Test
    void aSingleMultipleInRangeIsAlwaysChosen() {
        FloatDomain domain = new FloatDomain(0.1, 0.2, false, 10, 0.15);
        assertEquals(Set.of(0.15), Set.copyOf(Samples.doubles(domain)));
    }

    @Test
    void containsChecksTypeAndBounds() {
        FloatDomain domain = FloatDomain.uniform(0, 1);
        assertTrue(domain.contains(0));
        assertTrue(domain.contains(0.5f));
        assertFalse(domain.contains(1.0), "the upper bound is exclusive without q");
        assertFalse(domain.contains(-0.1));
        assertFalse(domain.contains("0.5"));
        assertFalse(domain.contains(null));
    }

    @Test
    void lowerMustBeBelowUpper() {
        assertMessage("lower (1.0) must be below upper (1.0)", () -> FloatDomain.uniform(1, 1));
        assertMessage("lower (2.0) must be below upper (1.0)", () -> FloatDomain.uniform(2, 1));
    }

    @Test
    void boundsMustBeFinite() {
        assertMessage("bounds must be finite numbers", () -> FloatDomain.uniform(Double.NaN, 1));
        assertMessage("bounds must be finite numbers", () -> FloatDomain.uniform(0, Double.POSITIVE_INFINITY));
    }

    @Test
    void logDomainsNeedPositiveBounds() {
        assertMessage("a log domain needs positive bounds, got lower=0.0", () -> FloatDomain.logUniform(0, 1));
        assertMessage("a log domain needs positive bounds, got lower=-1.0", () -> FloatDomain.logUniform(-1, 1));
        assertMessage("the log base must be positive and not 1", () -> new FloatDomain(1, 2, true, 1, 0));
    }

    @Test
    void qMustBePositiveAndFitTheRange() {
        assertMessage("q must be positive, got -0.1", () -> new FloatDomain(0, 1, false, 10, -0.1));
        assertMessage("no multiple of q=0.5 lies in [0.1, 0.2]", () -> new FloatDomain(0.1, 0.2, false, 10, 0.5));
    }

    @Test
    void describeUsesRayNames() {
        assertEquals("uniform(0.0, 1.0)", FloatDomain.uniform(0, 1).describe());
        assertEquals("quniform(0.0, 1.0, q=0.1)", new FloatDomain(0, 1, false, 10, 0.1).describe());
        assertTrue(FloatDomain.logUniform(1e-4, 0.1).describe().startsWith("loguniform("));
    }

    static void assertMessage(String expected, Runnable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }
}
