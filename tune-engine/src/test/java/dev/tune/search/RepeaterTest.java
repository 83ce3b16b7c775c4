package dev.tune.search;

import static dev.tune.search.SearchRun.drain;
import static dev.tune.search.SearchRun.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Scope;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.space.Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeaterTest {

    private final RecordingSearcher recording = new RecordingSearcher(2);
    private final Repeater repeater = new Repeater(recording, 3);

    private static Config config(Suggestion suggestion) {
        return suggestion.config().orElseThrow(() -> new AssertionError("expected a config, got " + suggestion));
    }

    private void start(Objective objective) {
        repeater.start(new SearchProblem(Space.empty(), objective, 1, 0));
    }

    @Test
    void eachConfigGoesToRepeatTrialsAndTheSearcherSeesOnlyTheFirstId() {
        start(Objective.of("loss", Mode.MIN));
        List<Config> configs = List.of(config(repeater.suggest("t0")), config(repeater.suggest("t1")),
                config(repeater.suggest("t2")), config(repeater.suggest("t3")), config(repeater.suggest("t4")));
        assertEquals(List.of(0, 0, 0, 1, 1), configs.stream().map(c -> c.get("i")).toList());
        assertEquals(List.of("t0", "t3"), recording.suggested);
        assertEquals(1, config(repeater.suggest("t5")).get("i"), "the group is completed before finishing");
        assertTrue(repeater.suggest("t6").isFinished());
    }

    @Test
    void theSearcherIsToldTheMeanOnceTheWholeGroupHasCompleted() {
        start(Objective.of("loss", Mode.MIN));
        Config config = config(repeater.suggest("t0"));
        repeater.suggest("t1");
        repeater.suggest("t2");
        repeater.onTrialComplete(Trials.completed("t1", config, Map.of("loss", 2.0)));
        repeater.onTrialComplete(Trials.completed("t0", config, Map.of("loss", 1.0)));
        assertTrue(recording.completed.isEmpty());
        repeater.onTrialComplete(Trials.completed("t2", config, Map.of("loss", 6.0, "other", 1.0)));
        assertEquals(1, recording.completed.size());
        Trial summary = recording.completed.get(0);
        assertEquals("t0", summary.id());
        assertEquals(config, summary.config());
        assertEquals(TrialStatus.TERMINATED, summary.status());
        assertEquals(Map.of("loss", 3.0), summary.lastResult().orElseThrow().metrics());
        assertEquals(3.0, summary.value("loss", Mode.MIN, Scope.LAST));
        assertEquals(3.0, summary.value("loss", Mode.MIN, Scope.ALL));
    }

    @Test
    void aGroupCanFinishBeforeItIsFullySuggestedOnlyOnceItIsFull() {
        Repeater twice = new Repeater(recording, 2);
        twice.start(problem(Space.empty(), 1, 0));
        Config config = config(twice.suggest("a"));
        twice.onTrialComplete(Trials.completed("a", config, Map.of("loss", 4.0)));
        assertTrue(recording.completed.isEmpty(), "the second repeat has not even started");
        assertEquals(config, config(twice.suggest("b")));
        twice.onTrialComplete(Trials.completed("b", config, Map.of("loss", 8.0)));
        assertEquals(6.0, recording.completed.get(0).lastResult().orElseThrow().metric("loss"));
    }

    @Test
    void everyObjectiveMetricIsAveragedAndTrialsWithoutAValueAreLeftOut() {
        start(Objective.of(List.of("loss", "accuracy"), List.of(Mode.MIN, Mode.MAX)));
        Config config = config(repeater.suggest("t0"));
        repeater.suggest("t1");
        repeater.suggest("t2");
        repeater.onTrialComplete(Trials.failed("t0", config));
        repeater.onTrialComplete(Trials.completed("t1", config, Map.of("loss", 1.0, "accuracy", 0.5)));
        repeater.onTrialComplete(Trials.completed("t2", config, Map.of("loss", 3.0, "accuracy", Double.NaN)));
        Trial summary = recording.completed.get(0);
        assertEquals("t0", summary.id());
        assertEquals(TrialStatus.TERMINATED, summary.status(), "one repeat succeeded");
        assertEquals(2.0, summary.lastResult().orElseThrow().metric("loss"));
        assertEquals(0.5, summary.lastResult().orElseThrow().metric("accuracy"));
    }

    @Test
    void aGroupThatAllFailedIsPassedOnAsFailed() {
        Repeater once = new Repeater(recording, 1);
        once.start(problem(Space.empty(), 1, 0));
        Config config = config(once.suggest("t0"));
        once.onTrialComplete(Trials.failed("t0", config));
        Trial summary = recording.completed.get(0);
        assertEquals(TrialStatus.ERROR, summary.status());
        assertTrue(summary.error().isPresent());
        assertTrue(Double.isNaN(summary.lastResult().orElseThrow().metric("loss")));
    }

    @Test
    void unknownTrialsAndNotNowArePassedThroughUntouched() {
        start(Objective.of("loss", Mode.MIN));
        recording.notNowNext = true;
        assertTrue(repeater.suggest("t0").isNotNow());
        repeater.onTrialComplete(Trials.completed("stranger", Config.empty(), Map.of("loss", 1.0)));
        assertTrue(recording.completed.isEmpty());
        assertEquals(List.of(), recording.suggested);
    }

    @Test
    void aRepeatedRandomSearchRunsEachConfigRepeatTimesInARow() {
        Space space = Space.builder().uniform("x", 0, 1).build();
        List<Config> configs = drain(new Repeater(new RandomSearch(), 3), problem(space, 2, 4));
        List<Config> originals = drain(new RandomSearch(), problem(space, 2, 4));
        assertEquals(List.of(originals.get(0), originals.get(0), originals.get(0),
                originals.get(1), originals.get(1), originals.get(1)), configs);
    }

    @Test
    void repeatMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Repeater(new RandomSearch(), 0));
        assertEquals("repeat must be at least 1, got 0", e.getMessage());
        assertThrows(NullPointerException.class, () -> new Repeater(null, 2));
        assertEquals("Repeater(RandomSearch, repeat=2)", new Repeater(new RandomSearch(), 2).toString());
    }
}
