package dev.tune.space;

import static dev.tune.space.FloatDomainTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IntDomainTest {

    @Test
    void bothBoundsAreInclusiveAndEveryValueAppearsEvenly() {
        IntDomain die = IntDomain.between(1, 6);
        List<Long> values = Samples.longs(die);
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), Set.copyOf(values));
        for (long face = 1; face <= 6; face++) {
            assertEquals(1 / 6.0, Samples.fraction(values, face, face + 1), 0.015, "face " + face);
        }
    }

    @Test
    void negativeAndSingleValueRanges() {
        assertEquals(Set.of(-3L, -2L, -1L, 0L, 1L, 2L, 3L), Set.copyOf(Samples.longs(IntDomain.between(-3, 3))));
        assertEquals(Set.of(7L), Set.copyOf(Samples.longs(IntDomain.between(7, 7))));
    }

    @Test
    void qGivesMultiplesOfQWithBothBoundsInclusive() {
        assertEquals(Set.of(0L, 5L, 10L), Set.copyOf(Samples.longs(new IntDomain(0, 10, false, 10, 5))));
        assertEquals(Set.of(5L, 10L), Set.copyOf(Samples.longs(new IntDomain(1, 12, false, 10, 5))));
        assertEquals(Set.of(-10L, -5L, 0L), Set.copyOf(Samples.longs(new IntDomain(-12, 3, false, 10, 5))));
    }

    @Test
    void logScaleSpreadsOverOrdersOfMagnitude() {
        IntDomain domain = new IntDomain(1, 999, true, 10, 1);
        List<Long> values = Samples.longs(domain);
        assertTrue(values.stream().allMatch(domain::contains));
        assertEquals(1 / 3.0, Samples.fraction(values, 1, 10), 0.02);
        assertEquals(1 / 3.0, Samples.fraction(values, 10, 100), 0.02);
        assertEquals(1 / 3.0, Samples.fraction(values, 100, 1000), 0.02);
        assertTrue(values.contains(1L), "the lower bound is the likeliest value");
    }

    @Test
    void qLogScaleGivesMultiplesOfQInBounds() {
        IntDomain domain = new IntDomain(1, 1000, true, 10, 10);
        Set<Long> seen = new TreeSet<>(Samples.longs(domain));
        assertTrue(seen.stream().allMatch(v -> v % 10 == 0 && v >= 10 && v <= 1000), seen::toString);
        assertTrue(seen.contains(10L) && seen.contains(1000L), seen::toString);
    }

    @Test
    void fromUnitMapsTheEndsToTheFirstAndLastMultiples() {
        IntDomain domain = new IntDomain(1, 12, false, 10, 5);
        assertEquals(5, domain.fromUnit(0));
        assertEquals(10, domain.fromUnit(Math.nextDown(1.0)));
        IntDomain log = new IntDomain(3, 70, true, 10, 1);
        assertEquals(3, log.fromUnit(0));
        assertEquals(70, log.fromUnit(Math.nextDown(1.0)));
    }

    @Test
    void sizeCountsTheMultiplesInRange() {
        assertEquals(6, IntDomain.between(1, 6).size());
        assertEquals(7, IntDomain.between(-3, 3).size());
        assertEquals(1, IntDomain.between(7, 7).size());
        assertEquals(3, new IntDomain(0, 10, false, 10, 5).size());
        assertEquals(2, new IntDomain(1, 12, false, 10, 5).size());
        assertEquals(3, new IntDomain(-12, 3, false, 10, 5).size());
        IntDomain domain = new IntDomain(-20, 40, false, 10, 3);
        assertEquals(LongStream.rangeClosed(-20, 40).filter(v -> v % 3 == 0).count(), domain.size());
    }

    @Test
    void containsAcceptsWholeNumbersOfAnyTypeInRange() {
        IntDomain domain = new IntDomain(0, 10, false, 10, 5);
        assertTrue(domain.contains(5));
        assertTrue(domain.contains(10L));
        assertTrue(domain.contains(5.0));
        assertFalse(domain.contains(5.5));
        assertFalse(domain.contains(6));
        assertFalse(domain.contains(15));
        assertFalse(domain.contains(-5));
        assertFalse(domain.contains("5"));
    }

    @Test
    void lowerMustNotBeAboveUpper() {
        assertMessage("lower (5) must not be above upper (4)", () -> IntDomain.between(5, 4));
    }

    @Test
    void logDomainsNeedPositiveBounds() {
        assertMessage("a log domain needs positive bounds, got lower=0", () -> new IntDomain(0, 10, true, 10, 1));
        assertMessage("the log base must be positive and not 1", () -> new IntDomain(1, 10, true, -2, 1));
    }

    @Test
    void qMustBeAtLeastOneAndFitTheRange() {
        assertMessage("q must be at least 1, got 0", () -> new IntDomain(0, 10, false, 10, 0));
        assertMessage("no multiple of q=5 lies in [1, 4]", () -> new IntDomain(1, 4, false, 10, 5));
    }

    @Test
    void describeUsesRayNamesWithInclusiveBounds() {
        assertEquals("randint[1, 6]", IntDomain.between(1, 6).describe());
        assertEquals("qlograndint[1, 1000] q=10", new IntDomain(1, 1000, true, 10, 10).describe());
    }
}
