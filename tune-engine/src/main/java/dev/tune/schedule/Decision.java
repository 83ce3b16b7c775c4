package dev.tune.schedule;

/** A scheduler's answer after a result, as Ray's {@code CONTINUE} and {@code STOP}. */
public enum Decision {
    /** The trial runs its next iteration. */
    CONTINUE,
    /**
     * The trial stops for now and frees its slot: its state goes to a checkpoint (or stays in memory
     * when the trainable cannot checkpoint), and it waits as {@code PAUSED} until
     * {@link Scheduler#decidePaused} lets it continue or stops it.
     */
    PAUSE,
    /** The trial ends now, as {@code TERMINATED} with {@code Termination.EARLY_STOPPED}: not an error. */
    STOP,
    /**
     * The trial has had its full budget (ASHA's {@code max_t}) and ends as {@code TERMINATED} with
     * {@code Termination.COMPLETED}, like a trial at its iteration limit: it was not cut short.
     */
    COMPLETE
}
