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
     * The configuration for the trial {@code trialId}, which is the experiment's trial
     * {@code number} (from 1). Workers of a shared experiment each keep a searcher and take trial
     * numbers from one counter, so a searcher that draws randomness per suggestion should draw it
     * from {@code number}, not from how many it suggested: two workers then never draw alike. On
     * one machine the two are the same. By default, {@link #suggest(String)}.
     */
    default Suggestion suggest(String trialId, int number) {
        return suggest(trialId);
    }

    /**
     * A trial that another searcher suggested has started: another worker's, in a shared
     * experiment. A model-based searcher counts it as running, as it counts its own (TPE's constant
     * liar, the Gaussian process's kriging believer), so that workers spread out; its results and
     * end arrive later as for its own. Ignored by default.
     */
    default void onTrialAdded(Trial trial) {
    }

    /**
     * The suggestion at {@code position} (from 0), for a {@link #positional()} searcher: it must equal
     * what the {@code position}-th call of {@link #suggest} returns, and asking it must not move the
     * sequence of {@link #suggest}. Workers of a shared experiment then claim such a searcher's trials
     * each in one statement, without replaying each other's events first. Empty, the default, for
     * every other searcher.
     */
    default Optional<Suggestion> suggestionAt(long position) {
        return Optional.empty();
    }

    /**
     * True when every suggestion depends only on the seed and its position, never on results, on
     * ends, or on how many trials run at once: random and grid search. Such a searcher must answer
     * {@link #suggestionAt} for every position, in any order; it never answers
     * {@link Suggestion#notNow()}, and answers {@link Suggestion#finished()} at every position past
     * its last config. tune then need not replay other workers' trials to it, and may hand out
     * several of its trials at once. A searcher that wraps another answers for the pair. False, the
     * default, for a searcher that learns from what it is told. Asked once {@link #start} was
     * called: a searcher that chooses another at start answers for its choice.
     */
    default boolean positional() {
        return false;
    }

    /**
     * True when this searcher looks at intermediate results ({@link #onTrialResult}), so tune tells
     * it every one, also when it resumes an experiment or replays another worker's trials. True by
     * default: a searcher gets every result unless it says it does not need them. Answer false only
     * when the suggestions stay the same whether or not intermediate results are told, as for a
     * searcher that learns from ends only ({@link #onTrialComplete}, always told): tune may then
     * spare it, and itself, the results.
     */
    default boolean readsResults() {
        return true;
    }

    /**
     * True when a suggestion made before the trials running now end is about as good as one made
     * after: the searcher counts running trials in what it suggests (TPE's constant liar, the
     * Gaussian process's kriging believer) and learns from each trial's end whenever it comes, or
     * it learns nothing (random and grid search). A worker of a shared experiment then claims a
     * short trial ahead of each slot, as Ray keeps trials pending ahead of free resources, so a
     * slot that frees starts its next trial at once instead of waiting for the database and the
     * suggestion. False, the default, for a searcher that loses what ends late: CMA-ES and NSGA-II
     * ignore a trial of a generation that was told before it ended. A searcher that wraps another
     * answers for the pair.
     */
    default boolean suggestsAhead() {
        return false;
    }

    /**
     * True when two copies of this searcher that know the same trials suggest about the same config
     * whatever the trial number: the suggestion follows from what it knows, not from a random draw
     * (the Gaussian process maximises its acquisition). Workers of a shared experiment then take
     * turns to suggest, each knowing the trials the others suggested before it, as in one process;
     * otherwise two workers suggesting at once would propose the same point twice. False, the
     * default, for a searcher whose suggestion draws from the trial number (TPE, CMA-ES, random
     * search): workers then suggest at once, each from what it has read. A searcher that wraps
     * another answers for the pair.
     */
    default boolean suggestsAlike() {
        return false;
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
