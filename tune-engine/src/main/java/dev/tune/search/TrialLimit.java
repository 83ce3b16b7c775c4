package dev.tune.search;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.util.Optional;

/**
 * Ends a search after a fixed number of trials, whatever the wrapped searcher would still
 * propose: Ray's {@code num_samples} cap for searchers that do not count by themselves, and the
 * JUnit engine's smoke runs (one trial, even for a grid).
 */
public final class TrialLimit implements Searcher {

    private final Searcher searcher;
    private final int max;
    private int suggested;

    public TrialLimit(Searcher searcher, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a trial limit must be at least 1, got " + max);
        }
        this.searcher = searcher;
        this.max = max;
    }

    @Override
    public void start(SearchProblem problem) {
        suggested = 0;
        searcher.start(problem);
    }

    @Override
    public Suggestion suggest(String trialId) {
        return suggest(trialId, suggested + 1);
    }

    @Override
    public Suggestion suggest(String trialId, int number) {
        if (suggested >= max) {
            return Suggestion.finished();
        }
        Suggestion suggestion = searcher.suggest(trialId, number);
        if (suggestion.config().isPresent()) {
            suggested++;
        }
        return suggestion;
    }

    /** Another worker's trial counts towards the limit, and the wrapped searcher hears of it. */
    @Override
    public void onTrialAdded(Trial trial) {
        suggested++;
        searcher.onTrialAdded(trial);
    }

    /**
    /**
     * What the wrapped searcher answers: a positional searcher never answers not now, so its k-th
     * suggestion is the k-th config, and the limit cuts the sequence at a fixed position.
     */
    @Override
    public boolean positional() {
        return searcher.positional();
    }

    /** Finished from position {@code max} on; before it, the wrapped searcher's suggestion there. */
    @Override
    public Optional<Suggestion> suggestionAt(long position) {
        if (!searcher.positional()) {
            return Optional.empty();
        }
        return position >= max ? Optional.of(Suggestion.finished()) : searcher.suggestionAt(position);
    }

    /** What the wrapped searcher answers: results are passed on as they come. */
    @Override
    public boolean readsResults() {
        return searcher.readsResults();
    }

    /** What the wrapped searcher answers. */
    @Override
    public boolean suggestsAhead() {
        return searcher.suggestsAhead();
    }

    /** What the wrapped searcher answers. */
    @Override
    public boolean suggestsAlike() {
        return searcher.suggestsAlike();
    }

    @Override
    public void onTrialResult(Trial trial, Result result) {
        searcher.onTrialResult(trial, result);
    }

    @Override
    public void onTrialComplete(Trial trial) {
        searcher.onTrialComplete(trial);
    }

    /** The wrapped searcher's description, then {@code ; stopped after 1 trial}. */
    @Override
    public String describe() {
        return searcher.describe() + "; stopped after " + max + (max == 1 ? " trial" : " trials");
    }

    @Override
    public String toString() {
        return "TrialLimit(" + max + ", " + searcher + ")";
    }
}
