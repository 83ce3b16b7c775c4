package dev.tune.result;

/**
 * Why a {@link TrialStatus#TERMINATED} trial ended. Ray folds these into one status; tune keeps
 * them apart so an IDE can show a trial stopped early as skipped rather than passed or failed.
 */
public enum Termination {
    /**
     * The trial ran in full: its trainable finished (a Function API method returned, a step
     * reported {@code done}), or it reached its budget (max iterations, the per-trial time limit,
     * or the full budget a scheduler gave it).
     */
    COMPLETED,
    /** A metric threshold or a stopper ended the trial before its budget: cut short, as the user asked. */
    STOPPED,
    /** A scheduler stopped the trial early. */
    EARLY_STOPPED,
    /** The experiment ended first (time budget, experiment stopper, fail-fast, interruption). */
    CANCELLED,
    /**
     * The trial's time limit passed while a step was running: its thread was interrupted, and left
     * behind with a warning when it did not return within {@code tune.stop.graceTime}.
     */
    TIMED_OUT
}
