package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.Trial;
import dev.tune.run.examples.Curve;
import dev.tune.search.Brackets;
import dev.tune.search.RandomSearch;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The searcher sees the scheduler's brackets through its problem, read only, and sees them as trials run in them. */
class BracketsWiringTest {

    /** Random search that writes down each trial's bracket when it suggests it. */
    static final class Recording implements Searcher {
        final RandomSearch random = new RandomSearch();
        final List<Integer> asked = new ArrayList<>();
        Brackets brackets;

        @Override
        public void start(SearchProblem problem) {
            brackets = problem.brackets();
            random.start(problem);
        }

        @Override
        public Suggestion suggest(String trialId) {
            Suggestion next = random.suggest(trialId);
            if (next.config().isPresent()) {
                asked.add(brackets.of(trialId));
            }
            return next;
        }

        @Override
        public void onTrialComplete(Trial trial) {
            assertTrue(asked.size() > 0);
        }
    }

    @Test
    void synchronousHyperBandTellsEachTrialItsBracketBeforeItStarts() {
        Recording searcher = new Recording();
        Runs.run(Curve.class, Runs.quiet().seed(1).searcher(() -> searcher)
                .scheduler(() -> new dev.tune.schedule.HyperBandScheduler(dev.tune.schedule.TimeAttribute.ITERATION,
                        null, null, 9, 3)));
        assertEquals(List.of(0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0), searcher.asked);
    }

    @Test
    void ashaWithSeveralBracketsHasThemAndWithOneHasNone() {
        Recording several = new Recording();
        Runs.run(Curve.class, Runs.quiet().seed(1).searcher(() -> several)
                .scheduler("asha(maxT=9,gracePeriod=1,reductionFactor=3,brackets=3)"));
        assertNotSame(Brackets.NONE, several.brackets);
        assertTrue(new HashSet<>(several.asked).size() > 1, "18 trials drawn over 3 brackets: " + several.asked);
        assertTrue(several.asked.stream().allMatch(b -> b >= 0 && b < 3), several.asked.toString());

        Recording one = new Recording();
        Runs.run(Curve.class, Runs.quiet().seed(1).searcher(() -> one)
                .scheduler("asha(maxT=9,gracePeriod=1,reductionFactor=3,brackets=1)"));
        assertSame(Brackets.NONE, one.brackets);
    }
}
