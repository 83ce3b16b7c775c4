package dev.tune.store;

import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;

/**
 * Where an experiment's record lives: the one narrow door through which every write of
 * experiment state passes, so that the local directory ({@link LocalDirectoryStore}) can later be
 * joined by a shared database holding the same experiment for workers on several machines.
 *
 * <p>Contract: descriptions and state snapshots are replaced atomically; trials and results are
 * appended and never rewritten, so a crash loses at most the line being written. Methods may be
 * called from several trial threads at once, but calls for one trial come in order from one thread.
 */
public interface ExperimentStore extends AutoCloseable {

    /** Starts the record of an experiment; called once, before any trial. */
    void open(ExperimentInfo experiment);

    /** Records a new trial with its config (status {@code PENDING} or {@code RUNNING}). */
    void addTrial(Trial trial);

    /** Appends one result of a trial added before. */
    void appendResult(Trial trial, Result result);

    /** Records a checkpoint a trial saved (its files are already in place). */
    void addCheckpoint(Trial trial, SavedCheckpoint checkpoint);

    /**
     * Records that PBT moved a trial onto another's checkpoint with a new config: the trial's
     * config is replaced from here on, and with {@code log} the step joins the PBT logs.
     */
    void perturbed(Trial trial, Perturbation step, boolean log);

    /** Records that a trial ended, with its final status and error, if any. */
    void endTrial(Trial trial);

    /** Replaces the experiment's state snapshot (status, counts, best trial) atomically. */
    void saveState(ExperimentState state);

    /** Writes out what is buffered; stores that write through at once need not override it. */
    default void flush() {
    }

    /**
     * How long buffered writes may wait for more before {@link #flush()}, in milliseconds: a store
     * whose every flush takes a shared lock gathers the writes of a few trials into one. Zero (the
     * default): flush as soon as no write is waiting.
     */
    default long flushWindowMillis() {
        return 0;
    }

    /**
     * True when an end goes out without waiting for the {@link #flushWindowMillis} window, with
     * whatever waits to go with it. False by default: every write waits alike.
     */
    default boolean endsGoOutAtOnce() {
        return false;
    }

    /** Flushes and releases files; the record stays readable through {@link StoredExperiment#load}. */
    @Override
    void close();

    /**
     * {@code store} with every write applied in order on a background thread, so trials never wait
     * for the file system; {@link #close()} returns once everything is written.
     */
    static ExperimentStore inBackground(ExperimentStore store, String name) {
        return store == NoStore.INSTANCE ? store : new BackgroundStore(store, name);
    }

    /** A store that keeps nothing: for experiments whose results live only in memory. */
    static ExperimentStore none() {
        return NoStore.INSTANCE;
    }
}
