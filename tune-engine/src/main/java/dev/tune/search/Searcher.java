package dev.tune.search;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.util.Optional;

/**
 * Proposes configurations to try, in ask-and-tell form, as Ray's {@code Searcher}: tune asks
 * {@link #suggest} for each new trial, and tells the searcher every result and every end.
 *
 * <p>tune calls a searcher from one thread at a time, so implementations need no locking.
 * The experiment's space, objective, sample count and seed arrive once through {@link #start}
 * before the first suggestion.
 */
public interface Searcher {

    /** Receives what the searcher is searching; called once, before any suggestion. */
    void start(SearchProblem problem);

    /**
     * The configuration for the trial {@code trialId}, or {@link Suggestion#notNow()} when the
     * searcher wants to wait for running trials, or {@link Suggestion#finished()} when it has
     * nothing more to propose.
     */
    Suggestion suggest(String trialId);

    /**
     * The suggestion at {@code position} (from 0), for a searcher whose suggestions depend only on
     * its seed and their position, never on results or on earlier calls: random and grid search.
     * Workers of a shared experiment then claim such a searcher's trials each in one statement,
     * without replaying each other's events first. It must equal what the {@code position}-th call
     * of {@link #suggest} returns. Empty, the default, for every other searcher.
     */
    default Optional<Suggestion> suggestionAt(long position) {
        return Optional.empty();
    }

    /** One intermediate result of a running trial. */
    default void onTrialResult(Trial trial, Result result) {
    }

    /** A trial has ended; {@code trial.status()} tells whether it terminated or failed. */
    default void onTrialComplete(Trial trial) {
    }

    /**
     * This searcher in words for a person, with the few settings that matter, e.g. {@code TPE (10
     * random start-up trials, then 24 candidates per suggestion; independent per hyperparameter)}:
     * what the log, the closing summary and the report say searched. Once started it may say more
     * (auto says what it chose and why). The class's simple name by default.
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
