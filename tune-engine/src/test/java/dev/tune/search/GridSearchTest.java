package dev.tune.search;

import static dev.tune.search.SearchRun.drain;
import static dev.tune.search.SearchRun.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.space.FloatDomain;
import dev.tune.space.Grid;
import dev.tune.space.IntDomain;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    private static List<Object> values(List<Config> configs, String name) {
        return configs.stream().map(c -> c.get(name)).toList();
    }

    @Test
    void everyChoiceIsAnAxisTooSoTheQuickstartGivesTwelveTrials() {
        List<Config> configs = drain(new GridSearch(), problem(RandomSearchTest.QUICKSTART, 1, 0));
        assertEquals(12, configs.size());
        assertEquals(List.of(0.001, 0.001, 0.001, 0.01, 0.01, 0.01, 0.1, 0.1, 0.1, 1.0, 1.0, 1.0),
                values(configs, "a"));
        assertEquals(List.of(1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3), values(configs, "b"));
    }

    @Test
    void samplesRepeatTheCrossProduct() {
        List<Config> configs = drain(new GridSearch(), problem(RandomSearchTest.QUICKSTART, 2, 0));
        assertEquals(24, configs.size());
        assertEquals(configs.subList(0, 12), configs.subList(12, 24), "nothing random to vary");
    }

    @Test
    void unboundedSamplesRepeatTheGridUntilTheExperimentStops() {
        Searcher grid = new GridSearch();
        grid.start(problem(RandomSearchTest.QUICKSTART, SearchProblem.UNBOUNDED, 0));
        List<Config> first = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            first.add(grid.suggest("t" + i).config().orElseThrow());
        }
        for (int repeat = 1; repeat < 50; repeat++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(first.get(i), grid.suggest("t" + (repeat * 12 + i)).config().orElseThrow(),
                        "repeat " + repeat + " of the grid, as Ray's num_samples=-1");
            }
        }
        assertEquals(first.get(5), grid.suggestionAt(1_000_000L * 12 + 5).orElseThrow().config().orElseThrow(),
                "any position, for a shared experiment's trial numbers");
    }

    @Test
    void integerRangesOfUpToAThousandValuesAreEnumerated() {
        Space small = Space.builder().randint("n", 0, 1000).build();
        List<Object> values = values(drain(new GridSearch(), problem(small, 1, 0)), "n");
        assertEquals(LongStream.range(0, 1000).boxed().toList(), values);
        Space large = Space.builder().randint("n", 0, 1001).build();
        assertEquals(3, drain(new GridSearch(), problem(large, 3, 0)).size(), "1001 values are sampled");
    }

    @Test
    void qAndLogIntegerRangesGiveTheirMultiples() {
        Space space = Space.builder().qrandint("q", 0, 10, 5).qlograndint("log", 1, 40, 10).build();
        List<Config> configs = drain(new GridSearch(), problem(space, 1, 0));
        assertEquals(List.of(0L, 0L, 0L, 0L, 5L, 5L, 5L, 5L, 10L, 10L, 10L, 10L), values(configs, "q"));
        assertEquals(List.of(10L, 20L, 30L, 40L), values(configs, "log").subList(0, 4));
    }

    @Test
    void continuousDomainsAreSampledAfresh() {
        Space space = Space.builder().uniform("x", 0, 1).choice("c", 1, 2).randn("z", 0, 1).build();
        List<Config> configs = drain(new GridSearch(), problem(space, 3, 0));
        assertEquals(List.of(1, 2, 1, 2, 1, 2), values(configs, "c"));
        assertEquals(6, new HashSet<>(values(configs, "x")).size());
        assertEquals(6, new HashSet<>(values(configs, "z")).size());
    }

    @Test
    void griddedKeepsTheOrderAndOnlyReplacesDiscreteDomains() {
        Space space = Space.builder().uniform("x", 0, 1).choice("c", "a", "b").randint("n", 1, 4)
                .randint("big", 0, 5000).grid("g", 1).constant("k", 0).build();
        Space gridded = GridSearch.gridded(space);
        assertEquals(List.copyOf(space.domains().keySet()), List.copyOf(gridded.domains().keySet()));
        assertInstanceOf(FloatDomain.class, gridded.domains().get("x"));
        assertEquals(new Grid(List.of("a", "b")), gridded.domains().get("c"));
        assertEquals(new Grid(List.of(1L, 2L, 3L)), gridded.domains().get("n"));
        assertInstanceOf(IntDomain.class, gridded.domains().get("big"));
        assertEquals(space.domains().get("g"), gridded.domains().get("g"));
        assertEquals(space.domains().get("k"), gridded.domains().get("k"));
        assertEquals(List.of("c", "n", "g"), gridded.gridNames());
    }

    @Test
    void aSpaceWithoutDiscreteDomainsBehavesAsRandomSearch() {
        Space space = Space.builder().uniform("x", 0, 1).loguniform("lr", 1e-4, 1).build();
        assertEquals(drain(new RandomSearch(), problem(space, 4, 3)), drain(new GridSearch(), problem(space, 4, 3)));
        assertTrue(drain(new GridSearch(), problem(space, 4, 3)).size() == 4);
    }
}
