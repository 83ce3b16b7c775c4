package dev.tune.result;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * A trial's exception thrown in another JVM (a child of {@code tune.isolation=process}): known by
 * its type, message and stack trace as text. It prints as the original would, and
 * {@link TrialError#of} records the original's type, not this one.
 */
public final class RemoteFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final TrialError error;

    public RemoteFailure(TrialError error) {
        super(error.summary(), null, false, false);
        this.error = error;
    }

    /** The exception as the other JVM recorded it. */
    public TrialError error() {
        return error;
    }

    @Override
    public String toString() {
        return error.summary();
    }

    @Override
    public void printStackTrace(PrintStream out) {
        out.print(error.stackTrace());
    }

    @Override
    public void printStackTrace(PrintWriter out) {
        out.print(error.stackTrace());
    }
}
