package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.Objective;
import dev.tune.space.Space;
import org.junit.jupiter.api.Test;

class TrialLimitTest {

    @Test
    void stopsAGridAfterTheLimit() {
        Space space = Space.builder().grid("a", 1, 2, 3, 4).build();
        TrialLimit limit = new TrialLimit(new RandomSearch(), 2);
        limit.start(new SearchProblem(space, Objective.of("x", dev.tune.Mode.MIN), 1, 7));
        assertEquals(1, limit.suggest("t1").config().orElseThrow().get("a"));
        assertEquals(2, limit.suggest("t2").config().orElseThrow().get("a"));
        assertTrue(limit.suggest("t3").isFinished());
    }

    @Test
    void aLimitBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TrialLimit(new RandomSearch(), 0));
    }
}
