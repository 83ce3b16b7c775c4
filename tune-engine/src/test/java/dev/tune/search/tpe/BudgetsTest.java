package dev.tune.search.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tune.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BOHB's rule: trials are compared at the largest budget enough of them reached, with their values there. */
class BudgetsTest {

    private static History history() {
        History history = new History();
        // Six trials stopped after 1 iteration, four ran to 3; x is the config, the value at t is x / t.
        for (int i = 1; i <= 10; i++) {
            String id = "t" + i;
            history.started(id, i, Config.of(Map.of("x", (double) i)), null);
            long last = i <= 6 ? 1 : 3;
            for (long t = 1; t <= last; t++) {
                history.reported(id, t, (i <= 6 ? 100.0 : 1.0) * i / t);
            }
            history.finished(id, new History.Seen(id, i, Config.of(Map.of("x", (double) i)), (i <= 6 ? 100.0 : 1.0) * i / last,
                    i <= 6, last));
        }
        return history;
    }

    @Test
    void theLargestBudgetWithEnoughTrialsIsCompared() {
        List<List<History.Seen>> split = history().split(true, 4, true);
        // Budget 3 has four trials (7..10); the best one (gamma(4) = 1) is trial 7.
        assertEquals(List.of(7), split.get(0).stream().map(History.Seen::number).toList());
        assertEquals(List.of(8, 9, 10), split.get(1).stream().map(History.Seen::number).toList());
        assertEquals(3, split.get(0).get(0).iterations());
    }

    @Test
    void withTooFewTrialsAtEveryLaterBudgetTheFirstIsCompared() {
        List<List<History.Seen>> split = history().split(true, 5, true);
        // Only budget 1 has five or more trials: all ten, by their value after one iteration.
        assertEquals(10, split.get(0).size() + split.get(1).size());
        assertEquals(List.of(7), split.get(0).stream().map(History.Seen::number).toList());
    }

    @Test
    void withoutTheRuleCompletedTrialsRankFirst() {
        List<List<History.Seen>> split = history().split(true, 4, false);
        assertEquals(List.of(7), split.get(0).stream().map(History.Seen::number).toList());
        assertEquals(9, split.get(1).size());
    }
}
