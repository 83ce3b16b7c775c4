package dev.tune.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceTest {

    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void gridValuesComeFromTheCallerAndOtherDomainsAreSampledInDeclarationOrder() {
        Space space = Space.builder().uniform("lr", 0, 1).grid("a", 1, 2, 3).constant("k", "v").grid("b", "x").build();
        assertEquals(List.of("a", "b"), space.gridNames());
        Config config = space.sample(random, Map.of("a", 2, "b", "x"));
        assertEquals(List.of("lr", "a", "k", "b"), List.copyOf(config.asMap().keySet()));
        assertEquals(2, config.get("a"));
        assertEquals("x", config.get("b"));
        assertEquals("v", config.get("k"));
        assertTrue(space.domains().get("lr").contains(config.get("lr")));
    }

    @Test
    void aMissingGridValueIsAnError() {
        Space space = Space.builder().grid("a", 1, 2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.sample(random, Map.of()));
        assertEquals("no grid value given for 'a'", e.getMessage());
    }

    @Test
    void theSameRandomStateGivesTheSameConfig() {
        Space space = Space.builder().uniform("x", 0, 1).randint("n", 0, 100).choice("c", "a", "b").build();
        assertEquals(space.sample(new SplittableRandom(3), Map.of()), space.sample(new SplittableRandom(3), Map.of()));
    }

    @Test
    void sampleFromReadsEarlierValuesIncludingComputedOnes() {
        Space space = Space.builder()
                .randint("batch", 1, 100)
                .sampleFrom("warmup", c -> c.getInt("batch") * 10)
                .sampleFrom("total", c -> c.getInt("warmup") + 1)
                .build();
        for (int i = 0; i < 100; i++) {
            Config config = space.sample(random, Map.of());
            assertEquals(config.getLong("batch") * 10, config.getLong("warmup"));
            assertEquals(config.getLong("warmup") + 1, config.getLong("total"));
            assertEquals(List.of("batch", "warmup", "total"), List.copyOf(config.asMap().keySet()));
        }
    }

    @Test
    void sampleFromReadsGridValues() {
        Space space = Space.builder().grid("a", 1, 2).sampleFrom("b", c -> c.getInt("a") * 2).build();
        assertEquals(4, space.sample(random, Map.of("a", 2)).getInt("b"));
    }

    @Test
    void sampleFromReturningNullLeavesTheParameterOut() {
        Space space = Space.builder()
                .choice("optimizer", "sgd", "adam")
                .sampleFrom("momentum", c -> c.get("optimizer").equals("sgd") ? 0.9 : null)
                .sampleFrom("hasMomentum", c -> c.has("momentum"))
                .build();
        List<Config> configs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            configs.add(space.sample(random, Map.of()));
        }
        for (Config config : configs) {
            boolean sgd = config.get("optimizer").equals("sgd");
            assertEquals(sgd, config.has("momentum"), config::toString);
            assertEquals(sgd, config.getBoolean("hasMomentum"));
            assertEquals(sgd ? 3 : 2, config.size());
        }
        assertTrue(configs.stream().anyMatch(c -> c.has("momentum")));
        assertTrue(configs.stream().anyMatch(c -> !c.has("momentum")));
    }

    @Test
    void nestedGroupsUseDottedNames() {
        Space space = Space.builder()
                .constant("epochs", 3)
                .nested("optimizer", o -> o.loguniform("lr", 1e-4, 1e-1)
                        .nested("betas", b -> b.uniform("beta1", 0.8, 0.99)))
                .choice("batch", 16, 32)
                .build();
        assertEquals(List.of("epochs", "optimizer.lr", "optimizer.betas.beta1", "batch"),
                List.copyOf(space.domains().keySet()));
        Config config = space.sample(random, Map.of());
        double lr = config.getDouble("optimizer.lr");
        assertTrue(lr >= 1e-4 && lr < 1e-1);
        assertTrue(config.has("optimizer.betas.beta1"));
    }

    @Test
    void mergeKeepsBothInOrderAndRejectsDuplicates() {
        Space first = Space.builder().uniform("lr", 0, 1).build();
        Space second = Space.builder().choice("batch", 16, 32).nested("opt", o -> o.constant("name", "sgd")).build();
        Space merged = first.merge(second);
        assertEquals(List.of("lr", "batch", "opt.name"), List.copyOf(merged.domains().keySet()));
        assertSame(first, first.merge(Space.empty()));
        assertEquals(second, Space.empty().merge(second));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> first.merge(Space.builder().randint("lr", 0, 10).build()));
        assertEquals("hyperparameter 'lr' is declared twice", e.getMessage());
    }

    @Test
    void theEmptySpaceGivesEmptyConfigs() {
        assertTrue(Space.empty().isEmpty());
        assertSame(Space.empty(), Space.builder().build());
        assertEquals(Config.empty(), Space.empty().sample(random, Map.of()));
        assertTrue(Space.empty().gridNames().isEmpty());
    }

    @Test
    void domainsAreUnmodifiableAndTheBuilderDoesNotLeak() {
        SpaceBuilder builder = Space.builder().uniform("a", 0, 1);
        Space space = builder.build();
        builder.uniform("b", 0, 1);
        assertEquals(1, space.domains().size());
        assertThrows(UnsupportedOperationException.class, () -> space.domains().put("c", new Constant(1)));
    }

    @Test
    void equalityAndDescription() {
        Space a = Space.builder().uniform("lr", 0, 1).choice("c", 1, 2).build();
        Space b = Space.builder().uniform("lr", 0, 1).choice("c", 1, 2).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(Space.builder().uniform("lr", 0, 2).build()));
        assertEquals("{lr=uniform(0.0, 1.0), c=choice[1, 2]}", a.toString());
    }
}
