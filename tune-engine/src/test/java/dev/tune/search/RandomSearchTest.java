package dev.tune.search;

import static dev.tune.search.SearchRun.drain;
import static dev.tune.search.SearchRun.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.space.Space;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSearchTest {

    /** Ray's quickstart: {@code a} a grid of four values, {@code b} a choice of three. */
    static final Space QUICKSTART = Space.builder()
            .grid("a", 0.001, 0.01, 0.1, 1.0)
            .choice("b", 1, 2, 3)
            .build();

    private static List<Object> values(List<Config> configs, String name) {
        return configs.stream().map(c -> c.get(name)).toList();
    }

    @Test
    void rayQuickstartRunsEachGridValueExactlyOnce() {
        List<Config> configs = drain(new RandomSearch(), problem(QUICKSTART, 1, 0));
        assertEquals(List.of(0.001, 0.01, 0.1, 1.0), values(configs, "a"));
        assertTrue(values(configs, "b").stream().allMatch(List.of(1, 2, 3)::contains));
    }

    @Test
    void withoutAGridThereAreExactlySamplesTrials() {
        Space space = Space.builder().uniform("x", 0, 1).choice("c", "a", "b").build();
        List<Config> configs = drain(new RandomSearch(), problem(space, 7, 0));
        assertEquals(7, configs.size());
        assertEquals(7, new HashSet<>(values(configs, "x")).size());
    }

    @Test
    void theLastGridVariesFastest() {
        Space space = Space.builder().grid("a", 1, 2).uniform("x", 0, 1).grid("b", "x", "y", "z").build();
        List<Config> configs = drain(new RandomSearch(), problem(space, 1, 0));
        assertEquals(List.of(1, 1, 1, 2, 2, 2), values(configs, "a"));
        assertEquals(List.of("x", "y", "z", "x", "y", "z"), values(configs, "b"));
    }

    @Test
    void samplesRepeatTheWholeGridWithFreshRandomValues() {
        Space space = Space.builder().grid("a", 1, 2).grid("b", "x", "y", "z").uniform("x", 0, 1).build();
        List<Config> configs = drain(new RandomSearch(), problem(space, 3, 0));
        assertEquals(18, configs.size());
        for (int repeat = 0; repeat < 3; repeat++) {
            List<Config> block = configs.subList(repeat * 6, repeat * 6 + 6);
            assertEquals(List.of(1, 1, 1, 2, 2, 2), values(block, "a"), "repeats are the outer loop");
            assertEquals(List.of("x", "y", "z", "x", "y", "z"), values(block, "b"));
        }
        assertEquals(18, new HashSet<>(values(configs, "x")).size());
    }

    @Test
    void theKthConfigDependsOnlyOnTheSeedAndK() {
        Space space = Space.builder().uniform("x", 0, 1).randint("n", 0, 1000).build();
        List<Config> five = drain(new RandomSearch(), problem(space, 5, 11));
        List<Config> ten = drain(new RandomSearch(), problem(space, 10, 11));
        assertEquals(five, ten.subList(0, 5));
        Variants variants = new Variants(space, 10, 11);
        for (int k = 0; k < 10; k++) {
            assertEquals(ten.get(k), variants.config(k));
        }
    }

    @Test
    void theTrialIdsDoNotMatter() {
        Space space = Space.builder().uniform("x", 0, 1).build();
        Searcher a = new RandomSearch();
        Searcher b = new RandomSearch();
        a.start(problem(space, 2, 9));
        b.start(problem(space, 2, 9));
        assertEquals(a.suggest("first").config(), b.suggest("other").config());
    }

    @Test
    void anEmptySpaceGivesSamplesEmptyConfigs() {
        assertEquals(List.of(Config.empty(), Config.empty()), drain(new RandomSearch(), problem(Space.empty(), 2, 0)));
    }

    @Test
    void mixSpreadsNeighbouringSeedsAndPositions() {
        Set<Long> mixed = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            for (long k = 0; k < 30; k++) {
                mixed.add(TrialRandom.mix(seed, k));
            }
        }
        assertEquals(900, mixed.size());
        long a = TrialRandom.mix(0, 0);
        long b = TrialRandom.mix(0, 1);
        assertTrue(Long.bitCount(a ^ b) > 16, "one step in k flips many bits");
        assertNotEquals(TrialRandom.mix(1, 0), TrialRandom.mix(0, 1));
    }
}
