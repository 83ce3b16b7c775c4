package dev.tune.schedule;

import dev.tune.result.Result;
import dev.tune.result.Trial;

/**
 * Decides, after every result, whether a trial goes on, as Ray's {@code TrialScheduler}: the
 * early-stopping half of tuning (median stopping, ASHA, ...). It sees only what it is told (the
 * experiment's objective, each trial's start, results and end), never the runner. tune calls a
 * scheduler from one thread at a time, so implementations need no locking.
 */
public interface Scheduler {

    /** Receives what the experiment optimises; called once, before any trial starts. */
    default void start(SchedulerProblem problem) {
    }

    /** A trial is about to run its first iteration. */
    default void onTrialAdd(Trial trial) {
    }

    /** Whether the trial that reported {@code result} continues; {@code result.trialId()} names it. */
    Decision onTrialResult(Result result);

    /** A trial ended (completed, stopped, or in error). */
    default void onTrialComplete(Trial trial) {
    }

    /**
     * The paused trials whose fate is now decided, by id: {@link Decision#CONTINUE} resumes one,
     * {@link Decision#STOP} ends it as early-stopped; trials not named stay paused. Asked after every
     * pause and every end. {@code quiet} is true when no trial runs and none will start, so every
     * paused trial needs a decision now (one left paused then is cancelled).
     */
    default java.util.Map<String, Decision> decidePaused(boolean quiet) {
        return java.util.Map.of();
    }

    /**
     * What the scheduler asks of the runner since this was last called (save a checkpoint now,
     * exploit another trial); the runner collects them after every result and every decision on
     * paused trials. A scheduler that asks nothing keeps the default.
     */
    default java.util.List<SchedulerAction> actions() {
        return java.util.List.of();
    }

    /**
     * True when the scheduler cannot work without checkpoints (PBT copies them between trials): an
     * experiment whose trainable cannot checkpoint is then refused before any trial starts.
     */
    default boolean needsCheckpoints() {
        return false;
    }

    /**
     * Whether this scheduler may stop a trial before it ends on its own; true but for FIFO and PBT
     * (which copies and mutates trials but lets each run on). A searcher may choose by it.
     */
    default boolean stopsEarly() {
        return true;
    }

    /**
     * The brackets this scheduler puts trials in, for a searcher that models each bracket on its
     * own; empty, the default, when the scheduler has one bracket or none.
     */
    default java.util.Optional<dev.tune.search.Brackets> brackets() {
        return java.util.Optional.empty();
    }
}
