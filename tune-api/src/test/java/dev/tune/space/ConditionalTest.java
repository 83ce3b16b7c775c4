package dev.tune.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hyperparameters that exist only when another takes certain values. */
class ConditionalTest {

    private static final Space SPACE = Space.builder()
            .choice("optimizer", "sgd", "adam")
            .when("optimizer", List.of("sgd"), g -> g.uniform("momentum", 0.5, 0.99)
                    .choice("nesterov", true, false)
                    .when("nesterov", List.of(true), n -> n.randint("lookahead", 1, 5)))
            .when("optimizer", List.of("adam"), g -> g.nested("adam", a -> a.uniform("beta1", 0.8, 0.99)))
            .sampleFrom("tag", c -> c.has("momentum") ? "sgd" : null)
            .build();

    @Test
    void aConditionalValueExistsExactlyWhenItsConditionsHold() {
        SplittableRandom random = new SplittableRandom(1);
        int sgd = 0;
        int lookahead = 0;
        for (int i = 0; i < 200; i++) {
            Config c = SPACE.sample(random, Map.of());
            boolean isSgd = c.get("optimizer").equals("sgd");
            sgd += isSgd ? 1 : 0;
            assertEquals(isSgd, c.has("momentum"), c.toString());
            assertEquals(isSgd, c.has("nesterov"), c.toString());
            assertEquals(!isSgd, c.has("adam.beta1"), c.toString());
            assertEquals(isSgd && Boolean.TRUE.equals(c.asMap().get("nesterov")), c.has("lookahead"), c.toString());
            lookahead += c.has("lookahead") ? 1 : 0;
            assertEquals(isSgd, c.has("tag"), c.toString());
        }
        assertTrue(sgd > 60 && sgd < 140 && lookahead > 20, sgd + " sgd, " + lookahead + " with lookahead");
    }

    @Test
    void givenValuesOfInactiveHyperparametersAreDropped() {
        Config c = SPACE.sample(new SplittableRandom(2), Map.of("optimizer", "adam", "momentum", 0.9));
        assertFalse(c.has("momentum"));
        assertTrue(c.has("adam.beta1"));
    }

    @Test
    void theParentMustComeFirstAndAGridCannotBeConditional() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Space.builder().when("optimizer", List.of("sgd"), g -> g.uniform("m", 0, 1)));
        assertTrue(e.getMessage().contains("names 'optimizer', which is not declared before it"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Space.builder().choice("o", "a", "b")
                .when("o", List.of("a"), g -> g.grid("batch", 16, 32)));
        assertTrue(e.getMessage().contains("hyperparameter 'batch': a grid cannot be conditional"), e.getMessage());
        Domain momentum = SPACE.domains().get("momentum");
        assertEquals("uniform(0.5, 0.99) if optimizer = sgd", momentum.describe());
    }
}
