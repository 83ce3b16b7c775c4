package dev.tune.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Synchronous HyperBand's decisions on a hand-built sequence. */
class HyperBandTest {

    private static Trial trial(String id) {
        return new Trial(id, 1, id, Config.empty(), TrialStatus.RUNNING, Optional.empty(), 0, Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty());
    }

    private static Result result(String id, long t, double acc) {
        return new Result(id, t, 1, t, t, 0, t, false, Map.of("acc", acc));
    }

    /** Adds {@code n} trials that report nothing, to fill the brackets before the ones under test. */
    private static void fill(HyperBandScheduler hb, int n) {
        for (int i = 0; i < n; i++) {
            hb.onTrialAdd(trial("filler" + i));
        }
    }

    @Test
    void trialsPauseAtTheMilestoneAndTheBestThirdGoesOn() {
        HyperBandScheduler hb = new HyperBandScheduler(TimeAttribute.ITERATION, null, null, 9, 3);
        hb.start(new SchedulerProblem(Objective.of("acc", Mode.MAX), 1));
        fill(hb, 3 + 5); // as Ray, a band fills s = 0 (3 trials run to maxT) and s = 1 (5 at milestone 3) first
        for (String id : new String[] {"a", "b", "c"}) {
            hb.onTrialAdd(trial(id)); // s = 2: 9 trials at milestone 1
        }
        assertEquals(Decision.PAUSE, hb.onTrialResult(result("a", 1, 0.2)));
        assertEquals(Decision.PAUSE, hb.onTrialResult(result("b", 1, 0.9)));
        assertEquals(Map.of(), hb.decidePaused(false), "c has not reached the milestone, and the bracket is not full");
        assertEquals(Decision.PAUSE, hb.onTrialResult(result("c", 1, 0.5)));
        assertEquals(Map.of(), hb.decidePaused(false), "the bracket (9 trials) is not full yet");
        assertEquals(Map.of("b", Decision.CONTINUE, "a", Decision.STOP, "c", Decision.STOP), hb.decidePaused(true));
        assertEquals(Decision.CONTINUE, hb.onTrialResult(result("b", 2, 0.91)));
        assertEquals(Decision.PAUSE, hb.onTrialResult(result("b", 3, 0.95)), "the next milestone is 3");
        assertEquals(Map.of("b", Decision.CONTINUE), hb.decidePaused(true));
        assertEquals(Decision.COMPLETE, hb.onTrialResult(result("b", 9, 0.99)), "maxT");
    }

    @Test
    void aFullBracketDecidesWithoutWaitingForQuiet() {
        HyperBandScheduler hb = new HyperBandScheduler(TimeAttribute.ITERATION, null, null, 3, 3);
        hb.start(new SchedulerProblem(Objective.of("acc", Mode.MIN), 1));
        // sMax = 1: bracket s = 0 holds 2 trials run to maxT, then s = 1 holds ceil(2/2 * 3) = 3 starting at milestone 1
        fill(hb, 2);
        for (String id : new String[] {"a", "b", "c"}) {
            hb.onTrialAdd(trial(id));
            hb.onTrialResult(result(id, 1, id.equals("c") ? 0.1 : 0.5));
        }
        assertEquals(Map.of("c", Decision.CONTINUE, "a", Decision.STOP, "b", Decision.STOP), hb.decidePaused(false));
    }

    @Test
    void aRungKeepsItsSizeOverEtaRoundedUpAsRayDoes() {
        HyperBandScheduler hb = new HyperBandScheduler(TimeAttribute.ITERATION, null, null, 9, 3);
        hb.start(new SchedulerProblem(Objective.of("acc", Mode.MAX), 1));
        // sMax = 2: bracket s = 0 takes 3 trials run to maxT, then s = 1 takes ceil(3/2 * 3) = 5 at milestone 3
        fill(hb, 3);
        String[] second = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < second.length; i++) {
            hb.onTrialAdd(trial(second[i]));
            assertEquals(Decision.PAUSE, hb.onTrialResult(result(second[i], 3, 0.1 * (i + 1))));
        }
        assertEquals(Map.of("e", Decision.CONTINUE, "d", Decision.CONTINUE, "a", Decision.STOP, "b", Decision.STOP,
                "c", Decision.STOP), hb.decidePaused(false), "ceil(5 / 3) = 2 go on, not floor(5 / 3) = 1");
    }

    @Test
    void itsBracketsTellTheBracketATrialWillJoinAndTheOneItIsIn() {
        HyperBandScheduler hb = new HyperBandScheduler(TimeAttribute.ITERATION, null, null, 9, 3);
        hb.start(new SchedulerProblem(Objective.of("acc", Mode.MAX), 1));
        dev.tune.search.Brackets brackets = hb.brackets().orElseThrow();
        // sMax = 2: as Ray, 3 trials in bracket s = 0, then 5 in s = 1, 9 in s = 2, then s = 0 again
        List<Integer> joined = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            int before = brackets.of("t" + i);
            hb.onTrialAdd(trial("t" + i));
            assertEquals(before, brackets.of("t" + i), "t" + i + " joined the bracket it was told");
            joined.add(before);
        }
        assertEquals(List.of(0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0), joined);
        assertEquals(0, brackets.of("t0"));
    }
}
