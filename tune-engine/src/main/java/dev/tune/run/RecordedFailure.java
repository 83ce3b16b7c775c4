package dev.tune.run;

import dev.tune.result.TrialError;

/**
 * A trial's failure known only as it was recorded, because the trial failed in another worker or
 * in an earlier run that this one resumed: its message is the exception's type and message. The
 * recorded stack trace stays with the trial ({@link TrialError#stackTrace}). What fail-fast raises
 * with as the cause when the exception itself is not in this JVM.
 */
final class RecordedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RecordedFailure(TrialError error) {
        super(error.summary(), null, false, false);
    }
}
