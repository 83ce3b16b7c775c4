package dev.tune.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Mode;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.search.Brackets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * What every scheduler declares of itself ({@link Scheduler#decidesOnResults()}, {@link Scheduler#needsBarrier()},
 * {@link Scheduler#pausedTrialsStayOnWorker()}, {@link Scheduler#replicable()}) holds, checked over every
 * implementation on small simulated experiments ({@link ExperimentSim}).
 */
class SchedulerCapabilitiesTest {

    private static final int ITERATIONS = 9;
    /** Trials that fill whole groups: HyperBand(maxT 9, eta 3) has brackets of 3 and 5; PBT one population. */
    private static final int GROUPS_TRIALS = 8;

    private static final String PBT = "pbt(timeAttr=training_iteration,perturbationInterval=2,mutations=lr";
    private static final String ASHA = "asha(maxT=9,gracePeriod=1,reductionFactor=3";

    /** A scheduler and what it should declare. */
    record Case(Supplier<Scheduler> scheduler, boolean decides, boolean barrier, boolean stays) {
    }

    private static Named<Case> of(String name, Supplier<Scheduler> scheduler, boolean decides, boolean barrier,
            boolean stays) {
        return Named.of(name, new Case(scheduler, decides, barrier, stays));
    }

    static Stream<Named<Case>> cases() {
        return Stream.of(
                of("fifo", FifoScheduler::new, false, false, false),
                of("parse(fifo)", () -> Schedulers.parse("fifo"), false, false, false),
                of("asha", () -> Schedulers.parse(ASHA + ")"), true, false, false),
                of("asha, 2 brackets", () -> Schedulers.parse(ASHA + ",brackets=2)"), true, false, false),
                of("median", () -> Schedulers.parse("median(timeAttr=training_iteration,gracePeriod=1,"
                        + "minSamplesRequired=2)"), true, false, false),
                of("hyperband", () -> Schedulers.parse("hyperband(maxT=9,reductionFactor=3)"), true, true, false),
                of("hyperband, min", () -> new HyperBandScheduler(TimeAttribute.ITERATION, "acc", Mode.MIN, 9, 3),
                        true, true, false),
                of("pbt", () -> Schedulers.parse(PBT + ")"), true, false, true),
                of("pbt, synchronous", () -> Schedulers.parse(PBT + ",synch=true)"), true, true, true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void declaresWhatItIs(Case c) {
        Scheduler scheduler = c.scheduler().get();
        assertEquals(c.decides(), scheduler.decidesOnResults(), "decidesOnResults");
        assertEquals(c.barrier(), scheduler.needsBarrier(), "needsBarrier");
        assertEquals(c.stays(), scheduler.pausedTrialsStayOnWorker(), "pausedTrialsStayOnWorker");
        assertTrue(scheduler.replicable(), "every scheduler of tune's is replicable");
        assertEquals(scheduler instanceof AsyncHyperBandScheduler, scheduler.decidesAtRungs(), "decidesAtRungs");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oneThatDecidesAtRungsKeepsThemWhereTheViewSaysAndDecidesAlike(Case c) {
        assertDecidesAtRungsHolds(c.scheduler());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oneThatDecidesNothingLetsEveryResultContinue(Case c) {
        assertDecidesHolds(c.scheduler());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void withoutABarrierAPausedTrialWaitsOnlyForASlot(Case c) {
        assertNoBarrierHolds(c.scheduler());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void withABarrierAPausedTrialWaitsForTheOthersAtItsBoundary(Case c) {
        assertBarrierHolds(c.scheduler());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aReplicableSchedulerDecidesAlikeWhenToldAlike(Case c) {
        assertReplicableHolds(c.scheduler());
    }

    @Test
    void aUsersSchedulerPromisesNothingButToDecide() {
        Scheduler scheduler = result -> Decision.CONTINUE;
        assertTrue(scheduler.decidesOnResults());
        assertTrue(!scheduler.needsBarrier() && !scheduler.pausedTrialsStayOnWorker() && !scheduler.replicable());
    }

    @Test
    void theChecksFailASchedulerThatClaimsWhatItIsNot() {
        Supplier<Scheduler> asha = () -> Schedulers.parse(ASHA + ")");
        Supplier<Scheduler> hyperband = () -> Schedulers.parse("hyperband(maxT=9,reductionFactor=3)");
        Supplier<Scheduler> pbt = () -> Schedulers.parse(PBT + ")");
        Supplier<Scheduler> synchronous = () -> Schedulers.parse(PBT + ",synch=true)");
        assertFails(() -> assertDecidesHolds(() -> new Claims(asha.get(), false, false)), "yet answered");
        assertFails(() -> assertNoBarrierHolds(() -> new Claims(hyperband.get(), true, false)), "stuck");
        assertFails(() -> assertNoBarrierHolds(() -> new Claims(synchronous.get(), true, false)), "with a slot free");
        assertFails(() -> assertBarrierHolds(() -> new Claims(pbt.get(), true, true)), "before the others");
        assertFails(() -> assertBarrierHolds(() -> new Claims(asha.get(), true, true)), "ever waited");
        int[] made = {0};
        assertFails(() -> assertReplicableHolds(() -> {
            int copy = made[0]++; // each copy stops another result: state outside the calls
            int[] results = {0};
            return new Claims(result -> results[0]++ == copy ? Decision.STOP : Decision.CONTINUE, true, false);
        }), "slots");
    }

    private static void assertFails(Executable check, String why) {
        String message = assertThrows(AssertionFailedError.class, check).getMessage();
        assertTrue(message.contains(why), () -> "failed, but not because of '" + why + "': " + message);
    }

    /**
     * Deciding at rungs: with the view's rungs (as a shared experiment offers them), the scheduler
     * keeps its values there and decides as it does with its own in memory; a scheduler that does
     * not declare it never asks for them.
     */
    static void assertDecidesAtRungsHolds(Supplier<Scheduler> scheduler) {
        Scheduler fresh = scheduler.get();
        int[] recorded = {0};
        RungValues memory = RungValues.inMemory();
        RungValues viewed = (bracket, rung, trialId, value, quantile) -> {
            recorded[0]++;
            return memory.cutoffThenRecord(bracket, rung, trialId, value, quantile);
        };
        ExperimentSim shared = new ExperimentSim(fresh, 10, 3, ITERATIONS, viewed);
        shared.run(true);
        if (!fresh.decidesAtRungs()) {
            assertEquals(0, recorded[0], "it does not decide at rungs, yet kept values in the view's");
            return;
        }
        ExperimentSim alone = new ExperimentSim(scheduler.get(), 10, 3, ITERATIONS);
        alone.run(true);
        assertTrue(recorded[0] > 0, "it decides at rungs, yet kept none in the view's");
        assertEquals(alone.log, shared.log, "decides alike with the view's rungs and its own");
    }

    /** Not deciding on results: every result of a run continues. */
    static void assertDecidesHolds(Supplier<Scheduler> scheduler) {
        Scheduler fresh = scheduler.get();
        if (fresh.decidesOnResults()) {
            return;
        }
        ExperimentSim sim = new ExperimentSim(fresh, 10, 3, ITERATIONS);
        assertTrue(sim.run(false));
        List<String> decided = sim.log.stream().filter(e -> e.contains("@") && !e.endsWith(" CONTINUE")).toList();
        assertEquals(List.of(), decided, "it decides nothing, yet answered these");
    }

    /**
     * No barrier: with groups left unfilled (10 trials on 3 slots), whenever a slot is free that no
     * trial waiting to start needs, some paused trial is decided, and the run ends without a quiet
     * question.
     */
    static void assertNoBarrierHolds(Supplier<Scheduler> scheduler) {
        Scheduler fresh = scheduler.get();
        if (fresh.needsBarrier()) {
            return;
        }
        List<String> withheld = new ArrayList<>();
        ExperimentSim sim = new ExperimentSim(fresh, 10, 3, ITERATIONS).watch((s, quiet, decisions) -> {
            if (!s.paused().isEmpty() && s.freeSlots() > s.waitingTrials() && decisions.isEmpty()) {
                withheld.add(s.paused() + " with " + (s.freeSlots() - s.waitingTrials()) + " free");
            }
        });
        assertTrue(sim.run(false), () -> "stuck without a quiet question: " + sim.paused() + " " + sim.log);
        assertEquals(List.of(), withheld, "paused trials left waiting with a slot free");
    }

    /**
     * A barrier: on groups it fills (8 trials on 2 slots), a paused trial is decided only when no
     * trial waits to start and every live trial has reached the iteration it paused at; and once at
     * least, paused trials wait with a slot free, for the others.
     */
    static void assertBarrierHolds(Supplier<Scheduler> scheduler) {
        Scheduler fresh = scheduler.get();
        if (!fresh.needsBarrier()) {
            return;
        }
        List<String> early = new ArrayList<>();
        int[] waited = {0};
        ExperimentSim sim = new ExperimentSim(fresh, GROUPS_TRIALS, 2, ITERATIONS).watch((s, quiet, decisions) -> {
            if (!s.paused().isEmpty() && s.freeSlots() > s.waitingTrials() && decisions.isEmpty()) {
                waited[0]++;
            }
            for (String id : quiet ? List.<String>of() : decisions.keySet()) {
                long at = s.paused().get(id);
                if (s.anyWaiting() || s.live().values().stream().anyMatch(reached -> reached < at)) {
                    early.add(id + "@" + at + " decided while " + s.live() + (s.anyWaiting() ? " and more to start"
                            : ""));
                }
            }
        });
        assertTrue(sim.run(true), "the run ends");
        assertEquals(List.of(), early, "decided before the others reached its boundary");
        assertTrue(waited[0] > 0, "no paused trial ever waited for others: " + sim.log);
    }

    /** Replicable: two fresh copies, told the same events, decide and ask the same, in the same order. */
    static void assertReplicableHolds(Supplier<Scheduler> scheduler) {
        if (!scheduler.get().replicable()) {
            return;
        }
        for (int slots : new int[] {1, 3}) {
            ExperimentSim one = new ExperimentSim(scheduler.get(), 10, slots, ITERATIONS);
            ExperimentSim other = new ExperimentSim(scheduler.get(), 10, slots, ITERATIONS);
            one.run(true);
            other.run(true);
            assertEquals(one.log, other.log, slots + " slots");
        }
    }

    /** A scheduler that declares what it is built with, and otherwise does what the one it wraps does. */
    private static final class Claims implements Scheduler {
        private final Scheduler scheduler;
        private final boolean decides;
        private final boolean barrier;

        Claims(Scheduler scheduler, boolean decides, boolean barrier) {
            this.scheduler = scheduler;
            this.decides = decides;
            this.barrier = barrier;
        }

        @Override
        public void start(SchedulerProblem problem) {
            scheduler.start(problem);
        }

        @Override
        public void onTrialAdd(Trial trial) {
            scheduler.onTrialAdd(trial);
        }

        @Override
        public Decision onTrialResult(Result result) {
            return scheduler.onTrialResult(result);
        }

        @Override
        public void onTrialComplete(Trial trial) {
            scheduler.onTrialComplete(trial);
        }

        @Override
        public Map<String, Decision> decidePaused(boolean quiet) {
            return scheduler.decidePaused(quiet);
        }

        @Override
        public List<SchedulerAction> actions() {
            return scheduler.actions();
        }

        @Override
        public Optional<Brackets> brackets() {
            return scheduler.brackets();
        }

        @Override
        public boolean decidesOnResults() {
            return decides;
        }

        @Override
        public boolean needsBarrier() {
            return barrier;
        }

        @Override
        public boolean replicable() {
            return true;
        }
    }
}
