package dev.tune.run;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerView;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a worker settles with the rest of its experiment, behind one door: where new trials come
 * from, who decides on results, and who hears of ends and stops. Alone ({@link LocalCoordination}),
 * the searcher and scheduler on this machine answer. In an experiment shared with other workers
 * ({@link SharedCoordination}), they answer as replicas that follow the shared log, and trials are
 * claimed in the database. The {@link TrialBook} and the {@link ExperimentRunner} talk to this
 * interface only; neither asks which of the two it has.
 *
 * <p>The book calls the trial methods under its own lock.
 */
interface Coordination {

    /** The trial-id tag of the experiment's trials. */
    String tag();

    /** Where trial directories and checkpoints go. */
    Path trialsRoot();

    /** Where the experiment's trials are written, when they are: what the live dashboard reads back. */
    Optional<Path> resultsDir();

    /** The store this worker records its trials in, made on the first call; the runner opens it. */
    ExperimentStore store();

    /** Makes what needs the book (the scheduler, its view): called once, by the book being built. */
    void attach(TrialBook book);

    /** The scheduler the book asks; {@link #attach} makes it. */
    Scheduler scheduler();

    /** What the scheduler may read of the running experiment. */
    SchedulerView view();

    /** How long the experiment ran before this worker started: its time budget counts from its start. */
    long elapsedNanos();

    /** What the next look for a new trial found: a trial, nothing yet (look again), or the end. */
    record Next(LiveTrial trial, boolean done) {
        static final Next AGAIN = new Next(null, false);
        static final Next DONE = new Next(null, true);

        static Next of(LiveTrial trial) {
            return new Next(trial, false);
        }
    }

    /**
     * Looks for a new trial for a free slot, under the book's lock, waiting on it a while when
     * there is none yet. The trial is the book's already (tracked), not started.
     */
    Next next() throws InterruptedException;

    /** How many new trials are known to be coming: what the scheduler reads as waiting trials. */
    int waiting();

    /**
     * Hears this worker's {@code result} before the book's scheduler: returns the decision when it
     * was made here (a shared run's replica), or null when the book's scheduler decides.
     * {@code snapshot} is the trial's view when the searcher or callbacks need it, else null.
     */
    Decision decide(LiveTrial trial, Result result, Trial snapshot);

    /** A trial of this worker stopped running (ended or paused): its slot is free. */
    void slotFreed(LiveTrial trial);

    /** A trial ended: the searcher hears of it, when it hears ends from here. */
    void ended(Trial snapshot);

    /** True when a paused trial keeps its slot (PBT's paused trials take turns on their worker). */
    boolean pausedKeepSlots();

    /** The scheduler decided on paused trials: those with no slot here may go to another worker. */
    void pausedDecided(PausedTrials paused, int freeSlots);

    /** Another worker's trial as a PBT exploit copies it, with its checkpoints; empty when alone. */
    Optional<Trial> elsewhere(String trialId);

    /** The experiment stops for {@code reason}; {@code forAll}: every worker stops with it. */
    void stopped(String reason, boolean forAll);

    /** No trial starts here any more: trials claimed and not started are given back. */
    void close(ExperimentStore store);

    /**
     * Records the experiment's end as this worker saw it and returns its result: the state that
     * {@code state} makes of it is saved, and the store closed. Throws the store's failure when
     * this worker lost a shared store: the other workers take its trials over.
     */
    ExperimentResult finish(TrialBook book, ExperimentInfo info, Duration wall,
            Function<ExperimentResult, ExperimentState> state);

    /** What to print after the closing summary: where the report is, or this worker's share of the trials. */
    Optional<String> closingLine(ExperimentResult result);

    /**
     * True when the book may let go of a trial once it ended: its end goes to a shared log, which
     * the result is read from at the end, so holding it too would double the memory.
     */
    boolean dropsEndedTrials();
}
