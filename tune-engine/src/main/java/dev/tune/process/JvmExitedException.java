package dev.tune.process;

/**
 * A trial lost the child JVM it ran in ({@code tune.isolation=process}): the JVM exited
 * ({@code System.exit}, a native crash, {@code OutOfMemoryError}) or was killed. The message names
 * the trial, the exit code or signal, and the last lines the JVM wrote to stderr. The trial is
 * retried up to {@code maxFailures} times, in a fresh JVM; the experiment goes on.
 */
public final class JvmExitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JvmExitedException(String message) {
        super(message);
    }
}
