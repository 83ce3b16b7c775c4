package dev.tune.search;

import static dev.tune.search.SearchRun.drain;
import static dev.tune.search.SearchRun.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.space.Domain;
import dev.tune.space.Conditional;
import dev.tune.space.SampleFrom;
import dev.tune.space.Space;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The assertions every searcher must pass, as Optuna's sampler contract tests. */
class SearcherContractTest {

    static final Space SPACE = Space.builder()
            .loguniform("lr", 1e-4, 1e-1)
            .quniform("dropout", 0, 0.5, 0.1)
            .randint("layers", 1, 4)
            .qrandint("units", 32, 256, 32)
            .randint("seed", 0, 1_000_000)
            .choice("optimizer", "sgd", "adam")
            .when("optimizer", List.of("sgd"), g -> g.loguniform("sgdLr", 1e-3, 1).choice("schedule", "step", "cos"))
            .grid("batch", 16, 64)
            .randn("noise", 0, 1)
            .constant("epochs", 3)
            .nested("sgd", o -> o.uniform("momentum", 0.5, 0.99))
            .sampleFrom("warmup", c -> c.getLong("layers") * 10)
            .sampleFrom("nesterov", c -> c.get("optimizer").equals("sgd") ? Boolean.TRUE : null)
            .build();

    static Stream<Named<Supplier<Searcher>>> searchers() {
        return Stream.of(
                Named.of("random", RandomSearch::new),
                Named.of("grid", GridSearch::new),
                Named.of("byName(random)", () -> Searchers.byName("random")),
                Named.of("limiter(random, 2)", () -> new ConcurrencyLimiter(new RandomSearch(), 2)),
                Named.of("limiter(grid, 1)", () -> new ConcurrencyLimiter(new GridSearch(), 1)),
                Named.of("repeater(random, 3)", () -> new Repeater(new RandomSearch(), 3)),
                Named.of("repeater(limiter(grid, 4), 2)",
                        () -> new Repeater(new ConcurrencyLimiter(new GridSearch(), 4), 2)));
    }

    /** Every searcher, the model-based ones included (those suggest from what they were told). */
    static Stream<Named<Supplier<Searcher>>> allSearchers() {
        return Stream.concat(searchers(), Stream.of(
                Named.of("tpe", () -> Searchers.byName("tpe")),
                Named.of("tpe_multivariate", () -> Searchers.byName("tpe_multivariate")),
                Named.of("cmaes", () -> Searchers.byName("cmaes")),
                Named.of("bohb", () -> Searchers.byName("bohb")),
                Named.of("nsga2", () -> Searchers.byName("nsga2")),
                Named.of("gp", () -> Searchers.byName("gp")),
                Named.of("auto", () -> Searchers.byName("auto"))));
    }

    @ParameterizedTest
    @MethodSource("allSearchers")
    void theSameSeedGivesTheSameConfigs(Supplier<Searcher> searcher) {
        assertEquals(drain(searcher.get(), problem(SPACE, 3, 42)), drain(searcher.get(), problem(SPACE, 3, 42)));
    }

    @ParameterizedTest
    @MethodSource("allSearchers")
    void aDifferentSeedGivesDifferentConfigs(Supplier<Searcher> searcher) {
        List<Config> first = drain(searcher.get(), problem(SPACE, 3, 1));
        List<Config> second = drain(searcher.get(), problem(SPACE, 3, 2));
        assertEquals(first.size(), second.size());
        assertNotEquals(first, second);
        assertNotEquals(first.get(0).get("lr"), second.get(0).get("lr"));
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void configsDoNotDependOnHowManyTrialsRunAtOnce(Supplier<Searcher> searcher) {
        List<Config> sequential = drain(searcher.get(), problem(SPACE, 2, 7));
        assertEquals(sequential, drain(searcher.get(), problem(SPACE, 2, 7), 8, true));
        assertEquals(sequential, drain(searcher.get(), problem(SPACE, 2, 7), 3, false));
    }

    @ParameterizedTest
    @MethodSource("allSearchers")
    void everyValueLiesInItsDomain(Supplier<Searcher> searcher) {
        for (Config config : drain(searcher.get(), problem(SPACE, 15, 5))) {
            for (Map.Entry<String, Domain> entry : SPACE.domains().entrySet()) {
                String name = entry.getKey();
                assertTrue(config.has(name) || entry.getValue() instanceof SampleFrom
                        || entry.getValue() instanceof Conditional, () -> name + " missing");
                if (config.has(name)) {
                    Object value = config.get(name);
                    assertTrue(entry.getValue().contains(value), () -> name + "=" + value + " outside "
                            + entry.getValue().describe());
                }
            }
            assertEquals(config.getLong("layers") * 10, config.getLong("warmup"));
            assertEquals(config.get("optimizer").equals("sgd"), config.has("nesterov"));
            assertEquals(config.get("optimizer").equals("sgd"), config.has("sgdLr"), config.toString());
            assertEquals(config.get("optimizer").equals("sgd"), config.has("schedule"), config.toString());
            assertEquals(3, config.get("epochs"));
        }
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void everyGridValueComesEquallyOftenAndAtLeastSamplesTimes(Supplier<Searcher> searcher) {
        List<Config> configs = drain(searcher.get(), problem(SPACE, 3, 5));
        Map<Object, Long> counts = configs.stream().collect(Collectors.groupingBy(c -> c.get("batch"),
                Collectors.counting()));
        assertEquals(Map.of(16, (long) configs.size() / 2, 64, (long) configs.size() / 2), counts);
        assertTrue(configs.size() >= 2 * 3, () -> configs.size() + " trials");
    }

    @ParameterizedTest
    @MethodSource("allSearchers")
    void aSuggestionByPositionIsTheSuggestionAtThatPosition(Supplier<Searcher> supplier) {
        Searcher searcher = supplier.get();
        searcher.start(problem(SPACE, 2, 11));
        if (!searcher.positional()) {
            return; // it learns from results: shared claims replay the log to it instead
        }
        List<Config> configs = drain(supplier.get(), problem(SPACE, 2, 11));
        for (int k = configs.size() - 1; k >= 0; k--) { // any order: it depends on the position only
            assertEquals(configs.get(k), searcher.suggestionAt(k).orElseThrow().config().orElseThrow(), "position " + k);
        }
        assertTrue(searcher.suggestionAt(configs.size()).orElseThrow().isFinished());
        assertEquals(configs.get(0), searcher.suggest("first").config().orElseThrow(),
                "asking by position does not move the sequence");
    }

    @Test
    void randomAndGridSearchAnswerByPositionAndModelBasedOnesDoNot() {
        for (String name : List.of("random", "grid", "auto")) { // auto chooses random search for a grid
            Searcher searcher = Searchers.byName(name);
            searcher.start(problem(SPACE, 2, 11));
            assertTrue(searcher.positional() && searcher.suggestionAt(0).isPresent(), name);
        }
        for (String name : List.of("tpe", "cmaes")) {
            Searcher searcher = Searchers.byName(name);
            searcher.start(problem(SPACE, 2, 11));
            assertTrue(!searcher.positional() && searcher.suggestionAt(0).isEmpty(), name);
        }
    }

    @ParameterizedTest
    @MethodSource("allSearchers")
    void staysFinishedAfterTheLast(Supplier<Searcher> supplier) {
        Searcher searcher = supplier.get();
        drain(searcher, problem(SPACE, 1, 3));
        for (int i = 0; i < 3; i++) {
            assertTrue(searcher.suggest("late_" + i).isFinished());
        }
    }

    @ParameterizedTest
    @MethodSource("allSearchers")
    void startBeginsAFreshSearch(Supplier<Searcher> supplier) {
        Searcher searcher = supplier.get();
        List<Config> first = drain(searcher, problem(SPACE, 1, 3));
        assertEquals(first, drain(searcher, problem(SPACE, 1, 3)));
    }

    @ParameterizedTest
    @MethodSource("allSearchers")
    void suggestingBeforeStartIsAnError(Supplier<Searcher> searcher) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> searcher.get().suggest("t"));
        assertTrue(e.getMessage().contains("start"), e.getMessage());
    }
}
