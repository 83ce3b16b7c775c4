package dev.tune.schedule;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.search.Brackets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    default Map<String, Decision> decidePaused(boolean quiet) {
        return Map.of();
    }

    /**
     * What the scheduler asks of the runner since this was last called (save a checkpoint now,
     * exploit another trial); the runner collects them after every result and every decision on
     * paused trials. A scheduler that asks nothing keeps the default.
     */
    default List<SchedulerAction> actions() {
        return List.of();
    }

    /**
     * True when the scheduler cannot work without checkpoints (PBT copies them between trials): an
     * experiment whose trainable cannot checkpoint is then refused before any trial starts.
     */
    default boolean needsCheckpoints() {
        return false;
    }

    /**
     * True when this scheduler may pause a trial and run it on later (HyperBand's brackets, PBT): a
     * trial in a child JVM ({@code tune.isolation=process}) then needs checkpoints, because another
     * child may take it up.
     */
    default boolean pausesTrials() {
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
    default Optional<Brackets> brackets() {
        return Optional.empty();
    }

    /**
     * True when the scheduler's answer to a result may be other than {@link Decision#CONTINUE}, so
     * tune asks it about every result (in a shared experiment, at the head of the shared log, which
     * costs a round trip to the database). True by default. False only for a scheduler that lets
     * every trial run on, as FIFO: its {@link #onTrialResult} must then always answer CONTINUE.
     */
    default boolean decidesOnResults() {
        return true;
    }

    /**
     * True when the scheduler's decisions read nothing of other trials but the values they had at
     * its rungs, which it keeps in {@link SchedulerView#sharedRungs} when the view offers them: ASHA.
     * A worker of a shared experiment then reads no other worker's results for it. False by
     * default: the scheduler is told every trial's results ({@link #onTrialResult}), which a worker
     * of a shared experiment reads from the log.
     */
    default boolean decidesAtRungs() {
        return false;
    }

    /**
     * True when a trial this scheduler paused waits for other trials to reach the same boundary
     * before it is decided: synchronous HyperBand's rung (every trial of the bracket), synchronous
     * PBT's perturbation interval (every trial of the population). {@link #decidePaused} then leaves
     * it undecided, with slots free, until they arrive (or until {@code quiet}), so tune frees the
     * paused trial's slot for the trials it waits for. False by default: a paused trial waits for no
     * other trial, and {@code decidePaused(false)} decides some paused trial whenever a slot is free
     * that no trial waiting to start needs (asynchronous PBT), or the scheduler never pauses.
     */
    default boolean needsBarrier() {
        return false;
    }

    /**
     * True when the scheduler decides on paused trials by the slots of the machine that runs them
     * (it reads {@link SchedulerView#runsHere} and {@link SchedulerView#freeSlots}), so a paused trial
     * resumes only on the worker that paused it and takes turns there with that worker's other
     * trials: PBT, in both modes. tune then claims no trials ahead for such a worker, whose slots its
     * paused trials will need. False by default: decisions on paused trials depend only on what the
     * scheduler was told, so every worker of a shared experiment decides alike and a resumed trial
     * may go on at any worker with a free slot (HyperBand). On one machine both mean the same.
     */
    default boolean pausedTrialsStayOnWorker() {
        return false;
    }

    /**
     * True when the scheduler's decisions and actions depend only on its seed, on the calls it
     * received, in order, and on what its {@link SchedulerView} says: no clock, no unseeded
     * randomness, no state shared with anything else, so two equal copies told the same events decide
     * alike. Each worker of a shared experiment keeps such a copy and tells it every worker's events
     * from the shared log, so only a replicable scheduler may schedule a shared experiment. False by
     * default: a scheduler has to promise it. All of tune's schedulers are.
     */
    default boolean replicable() {
        return false;
    }
}
