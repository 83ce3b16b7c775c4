package dev.tune.schedule;

import java.util.Optional;

/**
 * What a scheduler may read of the running experiment besides its own calls: how many slots there
 * are, how many are free, which trials wait to start, and whether a trial has a checkpoint; and, in
 * a shared experiment, the rungs every worker records at ({@link #sharedRungs}). Read only but for
 * those rungs, and asked from within the scheduler's own calls (when the experiment is consistent).
 */
public interface SchedulerView {

    /** How many trials may run at once. */
    int slots();

    /** Slots no running trial holds and no resumed trial has claimed. */
    int freeSlots();

    /**
     * Trials the experiment will start that have not started yet, counted up to {@link #slots()}:
     * they run at their first iteration, so a fair scheduler lets them go before paused trials.
     */
    int waitingTrials();

    /** True when the trial has saved at least one checkpoint it can be restored from. */
    boolean hasCheckpoint(String trialId);

    /**
     * True when this worker runs the trial, so the scheduler may pause and resume it here. Always
     * true on one machine; in an experiment shared by several workers, each worker pauses and
     * resumes only its own trials, while it hears every worker's results.
     */
    default boolean runsHere(String trialId) {
        return true;
    }

    /**
     * Where ASHA keeps its rungs when the experiment keeps them for all its workers (a shared
     * experiment, unless its workers follow the log in one order); empty, the default, when the
     * scheduler keeps its own in memory.
     */
    default Optional<RungValues> sharedRungs() {
        return Optional.empty();
    }

    /** A view of an experiment with {@code slots} slots, all free, no waiting trial and no checkpoints. */
    static SchedulerView idle(int slots) {
        return new SchedulerView() {
            @Override
            public int slots() {
                return slots;
            }

            @Override
            public int freeSlots() {
                return slots;
            }

            @Override
            public int waitingTrials() {
                return 0;
            }

            @Override
            public boolean hasCheckpoint(String trialId) {
                return false;
            }
        };
    }
}
