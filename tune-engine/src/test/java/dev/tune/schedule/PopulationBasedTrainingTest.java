package dev.tune.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.space.Categorical;
import dev.tune.space.FloatDomain;
import dev.tune.space.Space;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PBT's exploit, explore, time-multiplexing and synchronous rounds on hand-built result sequences. */
class PopulationBasedTrainingTest {

    private static final Space SPACE = Space.builder().add("lr", FloatDomain.logUniform(1e-4, 1))
            .add("batch", new Categorical(List.of(16, 32, 64))).build();

    /** A view the test steers: free slots, trials waiting to start, which trials have checkpoints. */
    private static final class View implements SchedulerView {
        int free = 1;
        int waiting;
        final Set<String> checkpointed = new HashSet<>();

        @Override
        public int slots() {
            return 4;
        }

        @Override
        public int freeSlots() {
            return free;
        }

        @Override
        public int waitingTrials() {
            return waiting;
        }

        @Override
        public boolean hasCheckpoint(String trialId) {
            return checkpointed.contains(trialId);
        }
    }

    private final View view = new View();

    private PopulationBasedTraining started(PbtSettings.Builder builder, String... ids) {
        PopulationBasedTraining pbt = builder.build();
        pbt.start(new SchedulerProblem(Objective.of("acc", Mode.MAX), 7, SPACE, view));
        int number = 1;
        for (String id : ids) {
            pbt.onTrialAdd(trial(id, number++, Config.of(Map.of("lr", 0.01 * number, "batch", 32))));
        }
        return pbt;
    }

    private static PbtSettings.Builder pbt() {
        return PopulationBasedTraining.builder().timeAttr("training_iteration").perturbationInterval(2)
                .resampleProbability(0).mutate("lr").mutate("batch");
    }

    private static Trial trial(String id, int number, Config config) {
        return new Trial(id, number, id, config, TrialStatus.RUNNING, Optional.empty(), 0, Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty());
    }

    private static Result result(String id, long t, double acc) {
        return new Result(id, t, 1, t, t, 0, t, false, Map.of("acc", acc));
    }

    @Test
    void aBottomTrialExploitsATopTrialAndExploresItsConfig() {
        PopulationBasedTraining pbt = started(pbt(), "a", "b", "c", "d");
        for (String id : List.of("a", "b", "c", "d")) {
            assertEquals(Decision.CONTINUE, pbt.onTrialResult(result(id, 1, 0.5)), "before the interval");
        }
        assertEquals(List.of(), pbt.actions());
        view.checkpointed.add("a");
        assertEquals(Decision.CONTINUE, pbt.onTrialResult(result("a", 2, 0.9)), "alone, a has nobody to rank against");
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("b", 2, 0.1)), "b is in the bottom quantile");
        List<SchedulerAction> actions = pbt.actions();
        assertEquals(1, actions.size());
        SchedulerAction.Exploit exploit = (SchedulerAction.Exploit) actions.get(0);
        assertEquals("b", exploit.trialId());
        assertEquals("a", exploit.donorId());
        assertTrue(exploit.log());
        // a's config is lr=0.02, batch=32: lr is scaled by 1.2 or 0.8, batch moves to a neighbour
        double lr = exploit.config().getDouble("lr");
        assertTrue(Math.abs(lr - 0.024) < 1e-12 || Math.abs(lr - 0.016) < 1e-12, "lr " + lr);
        assertTrue(Set.of(16, 64).contains(exploit.config().getInt("batch")), exploit.config().toString());
        assertEquals(Map.of("b", Decision.CONTINUE), pbt.decidePaused(false), "b goes on from a's checkpoint");

        assertEquals(Decision.CONTINUE, pbt.onTrialResult(result("c", 2, 0.5)), "c is in the middle");
        assertEquals(List.of(), pbt.actions());
        assertEquals(Decision.CONTINUE, pbt.onTrialResult(result("d", 2, 0.95)));
        assertEquals(List.of(new SchedulerAction.SaveCheckpoint("d")), pbt.actions(), "a top trial saves");
        assertEquals(Decision.CONTINUE, pbt.onTrialResult(result("b", 3, 0.4)),
                "b took over a's perturbation time (2), so its next step is at 4");
    }

    @Test
    void aTrialGivesWayToAPausedOneAtItsStep() {
        PopulationBasedTraining pbt = started(pbt(), "a", "b", "c");
        view.checkpointed.add("a");
        pbt.onTrialResult(result("a", 2, 0.9));
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("b", 2, 0.1)));
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("c", 2, 0.5)), "b is paused, so c pauses too");
        view.free = 1;
        assertEquals(Map.of("b", Decision.CONTINUE), pbt.decidePaused(false), "b (a's time, 2) before c (2), by number");
    }

    @Test
    void aBottomTrialKeepsItsStateWhenTheTopTrialHasNoCheckpoint() {
        PopulationBasedTraining pbt = started(pbt(), "a", "b");
        pbt.onTrialResult(result("a", 2, 0.9));
        assertEquals(Decision.CONTINUE, pbt.onTrialResult(result("b", 2, 0.1)));
        assertEquals(List.of(), pbt.actions());
    }

    @Test
    void minimisingRanksTheSmallestValueOnTop() {
        PopulationBasedTraining pbt = PopulationBasedTraining.builder().timeAttr("training_iteration")
                .perturbationInterval(1).mode(Mode.MIN).mutate("lr").build();
        pbt.start(new SchedulerProblem(Objective.of("acc", Mode.MAX), 7, SPACE, view));
        pbt.onTrialAdd(trial("a", 1, Config.of(Map.of("lr", 0.1, "batch", 16))));
        pbt.onTrialAdd(trial("b", 2, Config.of(Map.of("lr", 0.2, "batch", 16))));
        view.checkpointed.add("b");
        pbt.onTrialResult(result("b", 1, 0.1));
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("a", 1, 0.9)), "0.9 is the worse loss");
        assertEquals("b", ((SchedulerAction.Exploit) pbt.actions().get(0)).donorId());
    }

    @Test
    void withTrialsWaitingATrialPausesAtItsStepAndTheOneThatTrainedLeastRunsNext() {
        PopulationBasedTraining pbt = started(pbt().quantileFraction(0), "a", "b");
        view.waiting = 1;
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("a", 2, 0.5)), "another trial waits to start");
        view.free = 1;
        assertEquals(Map.of(), pbt.decidePaused(false), "the waiting trial has trained least, so it goes first");
        view.waiting = 0;
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("b", 4, 0.5)), "a is paused, so b gives way");
        assertEquals(Map.of("a", Decision.CONTINUE), pbt.decidePaused(false), "a trained 2, b 4");
        assertEquals(Decision.CONTINUE, pbt.onTrialResult(result("a", 3, 0.5)));
        view.free = 2;
        assertEquals(Map.of("b", Decision.CONTINUE), pbt.decidePaused(false));
    }

    @Test
    void theBurnInPeriodDelaysTheFirstStep() {
        PopulationBasedTraining pbt = started(pbt().burnInPeriod(4), "a", "b");
        view.checkpointed.add("a");
        pbt.onTrialResult(result("a", 2, 0.9));
        assertEquals(Decision.CONTINUE, pbt.onTrialResult(result("b", 3, 0.1)));
        pbt.onTrialResult(result("a", 4, 0.9));
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("b", 4, 0.1)));
    }

    @Test
    void synchronousModePerturbsThePopulationOnceAllReachTheBoundary() {
        PopulationBasedTraining pbt = started(pbt().synch(true), "a", "b", "c");
        assertEquals(Decision.CONTINUE, pbt.onTrialResult(result("a", 1, 0.2)));
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("a", 2, 0.9)));
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("b", 2, 0.1)));
        assertEquals(List.of(), pbt.actions(), "c has not reached 2");
        assertEquals(Map.of(), pbt.decidePaused(false), "a and b wait for c");
        view.checkpointed.add("a");
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("c", 2, 0.5)));
        List<SchedulerAction> actions = pbt.actions();
        assertEquals(1, actions.size(), actions.toString());
        assertEquals("b", actions.get(0).trialId());
        view.free = 3;
        assertEquals(Map.of("a", Decision.CONTINUE, "b", Decision.CONTINUE, "c", Decision.CONTINUE),
                pbt.decidePaused(false));
    }

    @Test
    void synchronousModeGoesOnWhenTheLastTrialEndsInsteadOfReachingTheBoundary() {
        PopulationBasedTraining pbt = started(pbt().synch(true), "a", "b");
        assertEquals(Decision.PAUSE, pbt.onTrialResult(result("a", 2, 0.9)));
        pbt.onTrialComplete(trial("b", 2, Config.empty()));
        assertEquals(Map.of("a", Decision.CONTINUE), pbt.decidePaused(true));
    }

    @Test
    void aMissingTimeAttributeOrMetricIsAnErrorUnlessAttributesAreOptional() {
        PopulationBasedTraining pbt = started(pbt().timeAttr("epochs"), "a");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pbt.onTrialResult(result("a", 1, 0.5)));
        assertTrue(e.getMessage().contains("PBT needs 'epochs' in every result"), e.getMessage());
        PopulationBasedTraining lenient = started(pbt().timeAttr("epochs").requireAttrs(false), "a");
        assertEquals(Decision.CONTINUE, lenient.onTrialResult(result("a", 1, 0.5)));
    }

    @Test
    void mutationsMustNameHyperparametersOfTheSpace() {
        PopulationBasedTraining pbt = PopulationBasedTraining.builder().mutate("momentum").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pbt.start(new SchedulerProblem(Objective.of("acc", Mode.MAX), 1, SPACE, view)));
        assertTrue(e.getMessage().contains("PBT mutates [momentum] but the search space has [lr, batch]"),
                e.getMessage());
    }
}
