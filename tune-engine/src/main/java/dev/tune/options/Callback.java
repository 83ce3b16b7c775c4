package dev.tune.options;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;

/**
 * Hooks into an experiment's life, as Ray's {@code tune.Callback}. tune calls them one at a time,
 * in the order things happen (never concurrently, even with parallel trials), so an implementation
 * needs no locking; it should return quickly, since trials wait for it. An exception from a
 * callback is logged and does not stop the experiment.
 */
public interface Callback {

    /** A trial is about to run its first iteration (Ray's {@code on_trial_start}). */
    default void onTrialStart(Trial trial) {
    }

    /** A trial reported a result (Ray's {@code on_trial_result}). */
    default void onTrialResult(Trial trial, Result result) {
    }

    /** A trial ended without error (Ray's {@code on_trial_complete}); see {@link Trial#termination()}. */
    default void onTrialComplete(Trial trial) {
    }

    /** A trial ended in error (Ray's {@code on_trial_error}); {@code failure} is the user code's exception. */
    default void onTrialError(Trial trial, Throwable failure) {
    }

    /** The experiment ended (Ray's {@code on_experiment_end}). */
    default void onExperimentEnd(ExperimentResult result) {
    }
}
