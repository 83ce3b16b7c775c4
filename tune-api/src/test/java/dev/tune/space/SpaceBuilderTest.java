package dev.tune.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpaceBuilderTest {

    private static Domain only(Consumer<SpaceBuilder> declaration) {
        SpaceBuilder builder = Space.builder();
        declaration.accept(builder);
        return builder.build().domains().values().iterator().next();
    }

    @Test
    void randintHasRaysExclusiveUpperBound() {
        IntDomain domain = (IntDomain) only(b -> b.randint("n", 0, 10));
        assertEquals(new IntDomain(0, 9, false, 10, 1), domain);
        Set<Long> seen = Set.copyOf(Samples.longs(domain));
        assertEquals(10, seen.size());
        assertFalse(seen.contains(10L));
        assertEquals(Set.of(3L), Set.copyOf(Samples.longs(only(b -> b.randint("n", 3, 4)))));
    }

    @Test
    void lograndintHasRaysExclusiveUpperBound() {
        IntDomain domain = (IntDomain) only(b -> b.lograndint("n", 1, 100));
        assertEquals(new IntDomain(1, 99, true, 10, 1), domain);
        assertTrue(Samples.longs(domain).stream().allMatch(v -> v >= 1 && v < 100));
    }

    @Test
    void qVariantsHaveRaysInclusiveUpperBound() {
        Domain qrandint = only(b -> b.qrandint("n", 0, 10, 5));
        assertEquals(Set.of(0L, 5L, 10L), Set.copyOf(Samples.longs(qrandint)));
        IntDomain qlograndint = (IntDomain) only(b -> b.qlograndint("n", 1, 1000, 10));
        assertEquals(new IntDomain(1, 1000, true, 10, 10), qlograndint);
        assertTrue(qlograndint.contains(1000));
        FloatDomain quniform = (FloatDomain) only(b -> b.quniform("x", 0, 1, 0.25));
        assertEquals(Set.of(0.0, 0.25, 0.5, 0.75, 1.0), Set.copyOf(Samples.doubles(quniform)));
        FloatDomain qloguniform = (FloatDomain) only(b -> b.qloguniform("x", 1e-4, 1e-1, 5e-5));
        assertTrue(qloguniform.log());
        assertTrue(qloguniform.contains(1e-1));
    }

    @Test
    void floatAndNormalFunctionsBuildTheirDomains() {
        assertEquals(FloatDomain.uniform(0, 1), only(b -> b.uniform("x", 0, 1)));
        assertEquals(FloatDomain.logUniform(1e-4, 1e-1), only(b -> b.loguniform("x", 1e-4, 1e-1)));
        assertEquals(new FloatDomain(1, 8, true, 2, 0), only(b -> b.loguniform("x", 1, 8, 2)));
        assertEquals(new NormalDomain(0, 1, 0), only(b -> b.randn("x", 0, 1)));
        assertEquals(new NormalDomain(0, 1, 0.1), only(b -> b.qrandn("x", 0, 1, 0.1)));
        assertEquals(new Categorical(List.of(1, 2)), only(b -> b.choice("x", List.of(1, 2))));
        assertEquals(new Grid(List.of("a")), only(b -> b.grid("x", "a")));
        assertEquals(new Constant(3), only(b -> b.constant("x", 3)));
        assertEquals(new Constant(3), only(b -> b.add("x", new Constant(3))));
    }

    @Test
    void badBoundsNameTheHyperparameter() {
        assertMessage("hyperparameter 'lr': lower (1.0) must be below upper (1.0)", b -> b.uniform("lr", 1, 1));
        assertMessage("hyperparameter 'lr': lower (2.0) must be below upper (1.0)", b -> b.quniform("lr", 2, 1, 0.1));
        assertMessage("hyperparameter 'n': lower (5) must be below upper (5); the upper bound is exclusive",
                b -> b.randint("n", 5, 5));
        assertMessage("hyperparameter 'n': lower (5) must be below upper (3)", b -> b.lograndint("n", 5, 3));
        assertMessage("hyperparameter 'n': lower (5) must not be above upper (3)", b -> b.qrandint("n", 5, 3, 1));
    }

    @Test
    void logDomainsWithNonPositiveBoundsNameTheHyperparameter() {
        assertMessage("hyperparameter 'lr': a log domain needs positive bounds", b -> b.loguniform("lr", 0, 1));
        assertMessage("hyperparameter 'lr': a log domain needs positive bounds", b -> b.qloguniform("lr", -1, 1, 0.1));
        assertMessage("hyperparameter 'n': a log domain needs positive bounds", b -> b.lograndint("n", 0, 10));
        assertMessage("hyperparameter 'n': a log domain needs positive bounds", b -> b.qlograndint("n", -5, 10, 5));
    }

    @Test
    void badQNamesTheHyperparameter() {
        assertMessage("hyperparameter 'x': q must be positive, got 0.0", b -> b.quniform("x", 0, 1, 0));
        assertMessage("hyperparameter 'x': q must be positive, got -1.0", b -> b.qrandn("x", 0, 1, -1));
        assertMessage("hyperparameter 'n': q must be at least 1, got 0", b -> b.qrandint("n", 0, 10, 0));
    }

    @Test
    void emptyChoiceAndGridNameTheHyperparameter() {
        assertMessage("hyperparameter 'opt': a choice needs at least one value", b -> b.choice("opt"));
        assertMessage("hyperparameter 'opt': a choice needs at least one value", b -> b.choice("opt", List.of()));
        assertMessage("hyperparameter 'g': a grid search needs at least one value", b -> b.grid("g"));
    }

    @Test
    void aNameDeclaredTwiceIsRejected() {
        assertMessage("hyperparameter 'lr' is declared twice", b -> b.uniform("lr", 0, 1).choice("lr", 1, 2));
        assertMessage("hyperparameter 'opt.lr' is declared twice",
                b -> b.constant("opt.lr", 1).nested("opt", o -> o.uniform("lr", 0, 1)));
    }

    @Test
    void blankNamesAndNamesWithSpacesAreRejected() {
        for (String name : new String[] {"", "   ", "learning rate", "lr\t", null}) {
            assertMessage("a hyperparameter name must be non-empty without spaces, got '" + name + "'",
                    b -> b.uniform(name, 0, 1));
        }
        assertMessage("a hyperparameter name must be non-empty without spaces", b -> b.nested(" ", o -> { }));
    }

    @Test
    void theCauseIsKept() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Space.builder().uniform("lr", 1, 0));
        assertNotNull(e.getCause());
    }

    private static void assertMessage(String expected, Consumer<SpaceBuilder> declaration) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> declaration.accept(Space.builder()));
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }
}
