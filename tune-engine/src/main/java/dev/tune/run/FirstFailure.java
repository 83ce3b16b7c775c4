package dev.tune.run;

/**
 * The first trial that failed in a run, and the exception it threw: what {@code failFast} raises
 * with as the cause, as Ray's {@code fail_fast="raise"} raises the trial's own exception.
 */
record FirstFailure(String trialName, Throwable cause) {
}
