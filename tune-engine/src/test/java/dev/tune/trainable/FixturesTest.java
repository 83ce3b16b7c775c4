package dev.tune.trainable;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixturesTest {

    @Test
    void aClassInAPackageNamedExamplesAtAnyDepthIsAFixture() {
        assertTrue(Fixtures.isFixture("com.acme.examples.Flaky"));
        assertTrue(Fixtures.isFixture("com.acme.examples.slow.Flaky$Inner"));
        assertTrue(Fixtures.isFixture("examples.Flaky"));
        assertTrue(Fixtures.inFixturePackage("com/acme/examples/slow"), "a class-path directory");
    }

    @Test
    void aSegmentThatOnlyContainsTheWordIsNot() {
        assertFalse(Fixtures.isFixture("com.acme.Examples"), "a class named Examples");
        assertFalse(Fixtures.isFixture("com.acme.examplesfor.Model"));
        assertFalse(Fixtures.isFixture("com.acme.myexamples.Model"));
        assertFalse(Fixtures.isFixture("Model"), "the default package");
        assertFalse(Fixtures.inFixturePackage("com.acme.models"));
    }
}
