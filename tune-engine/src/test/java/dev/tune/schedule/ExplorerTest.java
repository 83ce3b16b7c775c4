package dev.tune.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.space.FloatDomain;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The explore step: adjacent moves, resampling, scaling, and the custom function. */
class ExplorerTest {

    private static Config explore(Map<String, Mutation> mutations, double resample, Config config, long seed) {
        return new Explorer(mutations, resample, List.of(1.2, 0.8), null).explore(config, new SplittableRandom(seed));
    }

    @Test
    void aListMovesToANeighbourAndStopsAtItsEnds() {
        Map<String, Mutation> m = Map.of("n", Mutation.adjacent(List.of(1, 10, 100)));
        for (long seed = 0; seed < 50; seed++) {
            Object low = explore(m, 0, Config.of(Map.of("n", 1)), seed).get("n");
            assertTrue(low.equals(1) || low.equals(10), "from 1: " + low);
            Object mid = explore(m, 0, Config.of(Map.of("n", 10L)), seed).get("n");
            assertTrue(mid.equals(1) || mid.equals(100), "from 10: " + mid);
        }
    }

    @Test
    void aValueOutsideTheListIsResampledFromIt() {
        Object value = explore(Map.of("n", Mutation.adjacent(List.of(1, 10))), 0, Config.of(Map.of("n", 3)), 1).get("n");
        assertTrue(value.equals(1) || value.equals(10), String.valueOf(value));
    }

    @Test
    void aDomainIsResampledOrScaledAndIntegersStayIntegers() {
        Map<String, Mutation> m = Map.of("lr", Mutation.resample(FloatDomain.uniform(5, 6)),
                "units", Mutation.sample(r -> 64));
        boolean resampled = false;
        boolean scaled = false;
        for (long seed = 0; seed < 50; seed++) {
            Config c = explore(m, 0.5, Config.of(Map.of("lr", 1.0, "units", 10)), seed);
            double lr = c.getDouble("lr");
            resampled |= lr >= 5 && lr <= 6;
            scaled |= lr == 1.2 || lr == 0.8;
            assertTrue(lr >= 5 && lr <= 6 || lr == 1.2 || lr == 0.8, "lr " + lr);
            Object units = c.get("units");
            assertTrue(units.equals(64) || units.equals(12) || units.equals(8), "units " + units);
        }
        assertTrue(resampled && scaled);
    }

    @Test
    void theCustomFunctionSeesTheMutatedConfigAndSeedsReproduce() {
        Explorer explorer = new Explorer(Map.of("lr", Mutation.resample(FloatDomain.uniform(0, 1))), 0.25,
                List.of(1.2, 0.8), c -> {
                    Map<String, Object> v = new java.util.LinkedHashMap<>(c.asMap());
                    v.put("lr", Math.min(0.5, c.getDouble("lr")));
                    return Config.of(v);
                });
        Config a = explorer.explore(Config.of(Map.of("lr", 0.9, "x", "keep")), new SplittableRandom(3));
        Config b = explorer.explore(Config.of(Map.of("lr", 0.9, "x", "keep")), new SplittableRandom(3));
        assertEquals(a, b);
        assertTrue(a.getDouble("lr") <= 0.5);
        assertEquals("keep", a.get("x"));
        Explorer broken = new Explorer(Map.of(), 0, List.of(1.2), c -> null);
        assertThrows(IllegalStateException.class, () -> broken.explore(Config.empty(), new SplittableRandom(1)));
    }
}
