package dev.tune;

/**
 * Thrown by {@link TrialContext#report} when the trial has been stopped (by a stop condition,
 * a scheduler, or the end of the experiment), so that a Function API trainable unwinds at once.
 * tune records the trial as terminated, not failed. Do not catch it, or rethrow it if you must.
 */
public final class StopTrialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StopTrialException(String reason) {
        super(reason, null, false, false);
    }
}
