package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.search.nsga.NsgaIISearch;
import dev.tune.space.Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NSGA-II's generations count completed trials only, as Optuna's: a trial a scheduler cut, or one
 * that failed, leaves its generation one member short, so the search stays in it.
 */
class NsgaIIGenerationsTest {

    static final Space SPACE = Space.builder().uniform("x", 0, 1).uniform("y", 0, 1).build();

    /** Suggests 50 trials and tells each as {@code how} says; returns the 51st suggestion. */
    private static Config afterFifty(java.util.function.IntFunction<String> how) {
        NsgaIISearch nsga = new NsgaIISearch();
        nsga.start(new SearchProblem(SPACE, Objective.of(List.of("f1", "f2"), List.of(Mode.MIN, Mode.MIN)), 200, 3));
        for (int i = 0; i < 50; i++) {
            Config config = nsga.suggest("t" + i).config().orElseThrow();
            Map<String, Double> values = Map.of("f1", config.getDouble("x"), "f2", 1 - config.getDouble("y"));
            switch (how.apply(i)) {
                case "completed" -> nsga.onTrialComplete(Trials.completed("t" + i, config, values));
                case "stopped" -> nsga.onTrialComplete(Trials.stopped("t" + i, config, values, 2));
                case "failed" -> nsga.onTrialComplete(Trials.failed("t" + i, config));
                default -> { } // still running
            }
        }
        return nsga.suggest("t50").config().orElseThrow();
    }

    @Test
    void aGenerationEndsWithItsFiftiethCompletedTrial() {
        Config stillRandom = afterFifty(i -> "running");
        assertEquals(stillRandom, afterFifty(i -> i == 7 ? "stopped" : "completed"), "a cut trial does not complete it");
        assertEquals(stillRandom, afterFifty(i -> i == 7 ? "failed" : "completed"), "nor does a failed one");
        assertNotEquals(stillRandom, afterFifty(i -> "completed"), "50 completed: the 51st trial is a child");
    }
}
