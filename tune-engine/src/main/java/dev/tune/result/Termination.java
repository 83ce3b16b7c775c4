package dev.tune.result;

/**
 * Why a {@link TrialStatus#TERMINATED} trial ended. Ray folds these into one status; tune keeps
 * them apart so an IDE can show a trial stopped early as skipped rather than passed or failed.
 */
public enum Termination {
    /** The trainable finished: a Function API method returned, or a step reported {@code done}. */
    COMPLETED,
    /** A per-trial stop condition was met (max iterations, a metric threshold, a time limit, a stopper). */
    STOPPED,
    /** A scheduler stopped the trial early. */
    EARLY_STOPPED,
    /** The experiment ended first (time budget, experiment stopper, fail-fast, interruption). */
    CANCELLED
}
