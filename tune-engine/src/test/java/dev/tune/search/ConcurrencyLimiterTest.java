package dev.tune.search;

import static dev.tune.search.SearchRun.drain;
import static dev.tune.search.SearchRun.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.space.Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

    private static final Space SPACE = Space.builder().uniform("x", 0, 1).build();

    private static Config config(Suggestion suggestion) {
        return suggestion.config().orElseThrow(() -> new AssertionError("expected a config, got " + suggestion));
    }

    @Test
    void saysNotNowAtTheLimitAndResumesAfterACompletion() {
        List<Config> unlimited = drain(new RandomSearch(), problem(SPACE, 5, 1));
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(new RandomSearch(), 2);
        limiter.start(problem(SPACE, 5, 1));
        Config first = config(limiter.suggest("t0"));
        assertEquals(unlimited.get(1), config(limiter.suggest("t1")));
        assertTrue(limiter.suggest("t2").isNotNow());
        assertTrue(limiter.suggest("t2").isNotNow(), "asking again does not help");
        limiter.onTrialComplete(Trials.completed("t0", first, Map.of("loss", 1.0)));
        assertEquals(unlimited.get(2), config(limiter.suggest("t2")), "no config was skipped while waiting");
        assertTrue(limiter.suggest("t3").isNotNow());
    }

    @Test
    void aTrialItDidNotSuggestFreesNoSlotAndIsNotPassedOn() {
        RecordingSearcher recording = new RecordingSearcher(5);
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(recording, 1);
        limiter.start(problem(SPACE, 1, 0));
        Config config = config(limiter.suggest("t0"));
        limiter.onTrialComplete(Trials.completed("stranger", config, Map.of()));
        assertTrue(limiter.suggest("t1").isNotNow());
        assertTrue(recording.completed.isEmpty());
        limiter.onTrialComplete(Trials.completed("t0", config, Map.of()));
        limiter.onTrialComplete(Trials.completed("t0", config, Map.of()));
        assertEquals(List.of("t0"), recording.completed.stream().map(t -> t.id()).toList(), "passed on once");
        assertTrue(limiter.suggest("t1").config().isPresent());
    }

    @Test
    void resultsAndTheProblemArePassedOn() {
        RecordingSearcher recording = new RecordingSearcher();
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(recording, 3);
        SearchProblem problem = problem(SPACE, 1, 0);
        limiter.start(problem);
        assertEquals(problem, recording.problem);
        Config config = config(limiter.suggest("t0"));
        limiter.onTrialResult(Trials.completed("t0", config, Map.of()), Trials.result("t0", 1, Map.of("loss", 2.0)));
        assertEquals(1, recording.results.size());
    }

    @Test
    void notNowAndFinishedFromTheSearcherTakeNoSlot() {
        RecordingSearcher recording = new RecordingSearcher(1);
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(recording, 1);
        limiter.start(problem(SPACE, 1, 0));
        recording.notNowNext = true;
        assertTrue(limiter.suggest("t0").isNotNow());
        Config config = config(limiter.suggest("t0"));
        limiter.onTrialComplete(Trials.completed("t0", config, Map.of()));
        assertTrue(limiter.suggest("t1").isFinished());
        assertTrue(limiter.suggest("t2").isFinished());
    }

    @Test
    void startForgetsRunningTrials() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(new RandomSearch(), 1);
        limiter.start(problem(SPACE, 3, 0));
        limiter.suggest("t0");
        limiter.start(problem(SPACE, 3, 0));
        assertTrue(limiter.suggest("t0").config().isPresent());
    }

    @Test
    void theLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConcurrencyLimiter(new RandomSearch(), 0));
        assertTrue(e.getMessage().startsWith("maxConcurrent must be at least 1, got 0"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new ConcurrencyLimiter(null, 1));
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(new GridSearch(), 4);
        assertEquals(4, limiter.maxConcurrent());
        assertEquals("ConcurrencyLimiter(GridSearch, maxConcurrent=4)", limiter.toString());
    }
}
