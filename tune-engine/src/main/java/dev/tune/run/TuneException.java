package dev.tune.run;

import dev.tune.result.ExperimentResult;
import java.util.Optional;

/**
 * An experiment that ended as the user asked to be told loudly: fail-fast after a trial error, or
 * raise-on-failed-trial with trials in error. Carries the experiment's result, so nothing that
 * ran is lost, and the first trial error as its cause.
 */
public final class TuneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExperimentResult result;

    TuneException(String message, ExperimentResult result, Throwable cause) {
        super(message, cause);
        this.result = result;
    }

    /** What the experiment produced before it ended. */
    public Optional<ExperimentResult> result() {
        return Optional.ofNullable(result);
    }
}
