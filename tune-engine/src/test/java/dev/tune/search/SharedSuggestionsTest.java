package dev.tune.search;

import static dev.tune.search.SearchRun.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tune.Config;
import dev.tune.result.MetricHistory;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What workers of a shared experiment need of a model-based searcher: each asks its own searcher
 * for the trial numbers it took, and tells it the others' trials as they start.
 */
class SharedSuggestionsTest {

    static Stream<Named<Supplier<Searcher>>> modelBased() {
        return Stream.of(
                Named.of("tpe", () -> Searchers.byName("tpe")),
                Named.of("tpe_multivariate", () -> Searchers.byName("tpe_multivariate")),
                Named.of("bohb", () -> Searchers.byName("bohb")),
                Named.of("cmaes", () -> Searchers.byName("cmaes")),
                Named.of("nsga2", () -> Searchers.byName("nsga2")),
                Named.of("gp", () -> Searchers.byName("gp")),
                Named.of("auto", () -> Searchers.byName("auto")),
                Named.of("limiter(tpe, 16)", () -> new ConcurrencyLimiter(Searchers.byName("tpe"), 16)));
    }

    @ParameterizedTest
    @MethodSource("modelBased")
    void onOneMachineTheTrialNumberIsTheCountOfSuggestions(Supplier<Searcher> make) {
        Searcher counted = make.get();
        Searcher numbered = make.get();
        counted.start(problem(SearcherContractTest.SPACE, 6, 5));
        numbered.start(problem(SearcherContractTest.SPACE, 6, 5));
        for (int number = 1; number <= 6; number++) {
            assertEquals(counted.suggest("t" + number).config(), numbered.suggest("t" + number, number).config(),
                    "trial " + number);
        }
    }

    @ParameterizedTest
    @MethodSource("modelBased")
    void twoWorkersWithOneSeedDrawApartAndTogetherStopAtTheSamples(Supplier<Searcher> make) {
        Searcher first = make.get();
        Searcher second = make.get();
        first.start(problem(SearcherContractTest.SPACE, 8, 42));
        second.start(problem(SearcherContractTest.SPACE, 8, 42));
        assumeTrue(!first.positional(), "a positional searcher is claimed by position, not asked");
        List<Config> configs = new ArrayList<>();
        for (int number = 1; number <= 8; number += 2) { // the first worker takes odd numbers, the second even ones
            Config a = first.suggest("t" + number, number).config().orElseThrow();
            Config b = second.suggest("t" + (number + 1), number + 1).config().orElseThrow();
            second.onTrialAdded(running("t" + number, number, a));
            first.onTrialAdded(running("t" + (number + 1), number + 1, b));
            configs.add(a);
            configs.add(b);
        }
        Set<Config> distinct = new HashSet<>(configs);
        assertEquals(configs.size(), distinct.size(), "workers drew alike: " + configs);
        assertTrue(first.suggest("t9", 9).isFinished(), "the others' trials count towards the samples");
        assertTrue(second.suggest("t10", 10).isFinished(), "the others' trials count towards the samples");
    }

    /** Another worker's trial as the log describes it once added: running, no result yet. */
    static Trial running(String id, int number, Config config) {
        return new Trial(id, number, id, config, TrialStatus.RUNNING, Optional.empty(), 0, Optional.empty(),
                new MetricHistory().snapshot(), Optional.empty(), Optional.empty());
    }
}
