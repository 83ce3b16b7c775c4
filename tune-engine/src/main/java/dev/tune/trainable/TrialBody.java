package dev.tune.trainable;

/**
 * How one trial of a trainable runs, whichever API it uses: the Class API's create, set up, step
 * until stopped, clean up; or the Function API's single call. Exceptions from user code propagate
 * unchanged so the runner can record them.
 */
public interface TrialBody {

    /** Runs one trial to its end. */
    void run(TrialSession session) throws Throwable;

    /** Releases an instance that was kept for reuse and will not be used again (calls its clean-up). */
    void discard(Object instance);

    /** Its slot ends: releases what the body holds between trials (a child JVM); nothing by default. */
    default void close() {
    }
}
