package dev.tune.result;

/** Where a trial is in its life, with Ray's names. */
public enum TrialStatus {
    /** Created with a config, waiting for a slot. */
    PENDING,
    /** Running on a worker. */
    RUNNING,
    /** Stopped for now by a scheduler; it may run again. */
    PAUSED,
    /** Ended without error: completed, or stopped by a stop condition; see {@link Termination}. */
    TERMINATED,
    /** Ended by an exception from user code, or by a missing metric. */
    ERROR;

    /** True for {@link #TERMINATED} and {@link #ERROR}: the trial will not run again. */
    public boolean isFinished() {
        return this == TERMINATED || this == ERROR;
    }
}
