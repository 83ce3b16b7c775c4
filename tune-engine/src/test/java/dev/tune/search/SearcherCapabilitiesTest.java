package dev.tune.search;

import static dev.tune.search.SearchRun.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.search.cmaes.CmaEsSearch;
import dev.tune.search.gp.GpSearch;
import dev.tune.search.nsga.NsgaIISearch;
import dev.tune.search.tpe.BohbSearch;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * What every searcher declares of itself ({@link Searcher#positional()}, {@link Searcher#readsResults()},
 * {@link Searcher#suggestsAhead()}, {@link Searcher#suggestsAlike()}) holds: the declarations the
 * runner trusts instead of probing, checked over every implementation, wrappers around each kind
 * included.
 */
class SearcherCapabilitiesTest {

    /** Numbers only: auto chooses a model there; {@link SearcherContractTest#SPACE} has a grid, for random. */
    private static final Space NUMBERS = Space.builder().uniform("x", -1, 1).loguniform("y", 1e-3, 1)
            .randint("z", 0, 10).build();
    /** Positions asked of a positional searcher: past the end of its 20 samples (or 40, on the grid). */
    private static final int POSITIONS = 50;
    private static final int TRIALS = 14;

    /** A searcher, the space it runs on, and what it should declare once started. */
    record Case(Supplier<Searcher> searcher, Space space, boolean positional, boolean readsResults,
            boolean suggestsAhead, boolean suggestsAlike) {
    }

    private static Named<Case> of(String name, Supplier<Searcher> searcher, boolean positional, boolean reads,
            boolean ahead, boolean alike) {
        return Named.of(name, new Case(searcher, SearcherContractTest.SPACE, positional, reads, ahead, alike));
    }

    static Stream<Named<Case>> cases() {
        Config a = Config.of(Map.of("x", 0.5));
        Config b = Config.of(Map.of("x", -0.5));
        return Stream.of(
                of("random", RandomSearch::new, true, false, true, false),
                of("grid", GridSearch::new, true, false, true, false),
                of("given configs", () -> new GivenConfigs(List.of(a, b, a)), true, false, true, false),
                of("tpe", TpeSearch::new, false, false, true, false),
                of("tpe_multivariate", () -> Searchers.byName("tpe_multivariate"), false, false, true, false),
                of("cmaes", CmaEsSearch::new, false, false, false, false),
                of("bohb", BohbSearch::new, false, true, true, false),
                of("nsga2", NsgaIISearch::new, false, false, false, false),
                of("gp", GpSearch::new, false, false, true, true),
                of("auto on a grid (random)", AutoSearch::new, true, false, true, false),
                Named.of("auto on numbers (a model)", new Case(AutoSearch::new, NUMBERS, false, false, true, true)),
                of("a user's searcher (defaults)", () -> new RecordingSearcher(TRIALS), false, true, false, false),
                of("limiter(random, 2)", () -> new ConcurrencyLimiter(new RandomSearch(), 2), false, false, false,
                        false),
                of("limiter(grid, 1)", () -> new ConcurrencyLimiter(new GridSearch(), 1), false, false, false, false),
                of("limiter(bohb, 2)", () -> new ConcurrencyLimiter(new BohbSearch(), 2), false, true, false, false),
                of("limiter(user's, 1)", () -> new ConcurrencyLimiter(new RecordingSearcher(TRIALS), 1), false, true,
                        false, false),
                of("repeater(random, 3)", () -> new Repeater(new RandomSearch(), 3), true, false, true, false),
                of("repeater(grid, 2)", () -> new Repeater(new GridSearch(), 2), true, false, true, false),
                of("repeater(limiter(grid, 4), 2)", () -> new Repeater(new ConcurrencyLimiter(new GridSearch(), 4), 2),
                        false, false, false, false),
                of("repeater(bohb, 2)", () -> new Repeater(new BohbSearch(), 2), false, false, true, false),
                of("repeater(tpe, 2)", () -> new Repeater(new TpeSearch(), 2), false, false, true, false),
                of("limit(random, 5)", () -> new TrialLimit(new RandomSearch(), 5), true, false, true, false),
                of("limit(grid, 1)", () -> new TrialLimit(new GridSearch(), 1), true, false, true, false),
                of("limit(repeater(grid, 2), 7)", () -> new TrialLimit(new Repeater(new GridSearch(), 2), 7), true,
                        false, true, false),
                of("limit(given configs, 2)", () -> new TrialLimit(new GivenConfigs(List.of(a, b, a)), 2), true,
                        false, true, false),
                of("limit(tpe, 4)", () -> new TrialLimit(new TpeSearch(), 4), false, false, true, false),
                of("limit(bohb, 3)", () -> new TrialLimit(new BohbSearch(), 3), false, true, true, false),
                of("limit(auto, 6)", () -> new TrialLimit(new AutoSearch(), 6), true, false, true, false));
    }

    private static Searcher started(Case c, long seed) {
        Searcher searcher = c.searcher().get();
        searcher.start(problem(c.space(), 20, seed));
        return searcher;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void declaresWhatItIs(Case c) {
        Searcher searcher = started(c, 3);
        assertEquals(c.positional(), searcher.positional(), "positional");
        assertEquals(c.readsResults(), searcher.readsResults(), "readsResults");
        assertEquals(c.suggestsAhead(), searcher.suggestsAhead(), "suggestsAhead");
        assertEquals(c.suggestsAlike(), searcher.suggestsAlike(), "suggestsAlike");
    }

    /**
     * Workers that suggest at once rely on this: two copies of a searcher that is not alike, told the
     * same completed trials, suggest different configs for different trial numbers.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void aSearcherThatIsNotAlikeDrawsFromTheTrialNumber(Case c) {
        Searcher first = started(c, 31);
        if (first.positional() || first.suggestsAlike() || first instanceof Repeater || c.readsResults()) {
            return; // by position; alike, so workers take turns; repeats by design; a user's (BOHB is TPE's)
        }
        Searcher second = started(c, 31);
        for (int n = 0; n < TRIALS; n++) {
            Suggestion told = first.suggest("trial_" + n, n + 1);
            second.suggest("trial_" + n, n + 1);
            if (told.config().isEmpty()) {
                return;
            }
            Trial ended = Trials.completed("trial_" + n, told.config().get(), Map.of("loss", loss(told.config().get())));
            first.onTrialComplete(ended);
            second.onTrialComplete(ended);
        }
        Suggestion a = first.suggest("a", TRIALS + 1);
        Suggestion b = second.suggest("b", TRIALS + 2);
        if (a.config().isPresent() && b.config().isPresent()) {
            assertFalse(a.config().equals(b.config()), "trials " + (TRIALS + 1) + " and " + (TRIALS + 2)
                    + " got the same config from copies that know the same trials");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSearcherThatSuggestsAheadSuggestsWhileItsTrialsRun(Case c) {
        Searcher searcher = started(c, 29);
        if (!searcher.suggestsAhead()) {
            return;
        }
        for (int n = 0; n < 10; n++) { // none ends: each is a trial claimed ahead of a busy slot
            Suggestion next = searcher.suggest("trial_" + n, n + 1);
            assertFalse(next.isNotNow(), "suggestion " + n + " with " + n + " trials running: not now");
            if (next.isFinished()) {
                return; // a trial limit's end
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aPositionalSearcherAnswersEachPositionAsSuggestWouldAndOthersAnswerNone(Case c) {
        assertPositionalHolds(() -> started(c, 17));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSearcherThatReadsNoResultsSuggestsTheSameWithoutThem(Case c) {
        assertReadsResultsHolds(() -> started(c, 23));
    }

    @Test
    void theChecksFailASearcherThatClaimsWhatItIsNot() {
        String wrongPlace = assertThrows(AssertionFailedError.class,
                () -> assertPositionalHolds(ClaimsPosition::new)).getMessage();
        assertTrue(wrongPlace.contains("position 50"), wrongPlace);
        String deaf = assertThrows(AssertionFailedError.class,
                () -> assertReadsResultsHolds(() -> new ClaimsDeafness(false))).getMessage();
        assertTrue(deaf.contains("it suggests from intermediate results"), deaf);
        assertReadsResultsHolds(() -> new ClaimsDeafness(true)); // saying it reads them is always allowed
    }

    /**
     * For a positional searcher: {@code suggestionAt(k)}, asked from the last position back, is the
     * k-th {@code suggest()} of a fresh equal-seeded instance (the same config, or finished alike),
     * and asking does not move the sequence. For any other: {@code suggestionAt(0)} is empty.
     */
    static void assertPositionalHolds(Supplier<Searcher> started) {
        Searcher byPosition = started.get();
        if (!byPosition.positional()) {
            assertTrue(byPosition.suggestionAt(0).isEmpty(), "not positional, yet it answers by position");
            return;
        }
        Searcher sequence = started.get();
        List<Suggestion> suggested = new ArrayList<>();
        for (int k = 0; k <= POSITIONS; k++) {
            Suggestion next = sequence.suggest("trial_" + k);
            assertFalse(next.isNotNow(), "a positional searcher never says not now");
            suggested.add(next);
        }
        for (int k = POSITIONS; k >= 0; k--) {
            Optional<Suggestion> at = byPosition.suggestionAt(k);
            assertTrue(at.isPresent(), "positional, yet no suggestion at " + k);
            assertEquals(suggested.get(k).isFinished(), at.get().isFinished(), "finished at " + k);
            assertEquals(suggested.get(k).config(), at.get().config(), "position " + k);
        }
        assertEquals(suggested.get(0).config(), byPosition.suggest("first").config(),
                "asking by position does not move the sequence");
    }

    /**
     * For a searcher that reads no results: two equal-seeded instances run the same trials one at a
     * time, only one of them told each trial's intermediate results, both told every end; each
     * suggestion is the same.
     */
    static void assertReadsResultsHolds(Supplier<Searcher> started) {
        Searcher told = started.get();
        if (told.readsResults()) {
            return;
        }
        Searcher untold = started.get();
        for (int n = 0; n < TRIALS; n++) {
            String id = "trial_" + n;
            Suggestion heard = told.suggest(id);
            Suggestion deaf = untold.suggest(id);
            assertEquals(heard.isFinished(), deaf.isFinished(), "finished at trial " + n);
            assertEquals(heard.config(), deaf.config(), "trial " + n + ": it suggests from intermediate results");
            if (heard.config().isEmpty()) {
                return;
            }
            Config config = heard.config().get();
            Trial running = new Trial(id, n + 1, id, config, TrialStatus.RUNNING, Optional.empty(), 0,
                    Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
            for (int iteration = 1; iteration <= 3; iteration++) {
                told.onTrialResult(running, Trials.result(id, iteration, Map.of("loss", loss(config) / iteration)));
            }
            Trial ended = Trials.completed(id, config, Map.of("loss", loss(config)));
            told.onTrialComplete(ended);
            untold.onTrialComplete(ended);
        }
    }

    /** A value for a config: the sum of its numbers, the others counted by their hash. */
    private static double loss(Config config) {
        double sum = 0;
        for (Object value : config.asMap().values()) {
            sum += value instanceof Number number ? number.doubleValue() : Math.floorMod(String.valueOf(value)
                    .hashCode(), 7);
        }
        return sum;
    }

    /** Claims to be positional, but {@code suggestionAt} is one ahead of {@code suggest}. */
    private static final class ClaimsPosition implements Searcher {
        private int next;

        @Override
        public void start(SearchProblem problem) {
            next = 0;
        }

        @Override
        public Suggestion suggest(String trialId) {
            return Suggestion.of(Config.of(Map.of("k", next++)));
        }

        @Override
        public Optional<Suggestion> suggestionAt(long position) {
            return Optional.of(Suggestion.of(Config.of(Map.of("k", (int) position + 1))));
        }

        @Override
        public boolean positional() {
            return true;
        }
    }

    /** Suggests how many intermediate results it has heard; says it reads them or not, as built. */
    private static final class ClaimsDeafness implements Searcher {
        private final boolean says;
        private int heard;

        ClaimsDeafness(boolean says) {
            this.says = says;
        }

        @Override
        public void start(SearchProblem problem) {
            heard = 0;
        }

        @Override
        public Suggestion suggest(String trialId) {
            return Suggestion.of(Config.of(Map.of("heard", heard)));
        }

        @Override
        public void onTrialResult(Trial trial, Result result) {
            heard++;
        }

        @Override
        public boolean readsResults() {
            return says;
        }
    }
}
