package dev.tune.result;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Why a trial failed, kept as text so it survives storage and reloading: the exception's type,
 * message and full stack trace.
 */
public record TrialError(String type, String message, String stackTrace) {

    /** The error that {@code failure} describes. */
    public static TrialError of(Throwable failure) {
        if (failure instanceof RemoteFailure remote) {
            return remote.error();
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return new TrialError(failure.getClass().getName(), String.valueOf(failure.getMessage()), trace.toString());
    }

    /** {@code type: message}, the first line a person reads. */
    public String summary() {
        return type + ": " + message;
    }
}
