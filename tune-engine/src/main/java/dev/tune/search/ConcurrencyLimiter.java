package dev.tune.search;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Caps how many of a searcher's trials run at once, as Ray's {@code ConcurrencyLimiter}: while
 * {@code maxConcurrent} suggested trials have not completed, it answers {@link Suggestion#notNow()}
 * without asking the wrapped searcher. Useful for model-based searchers, which suggest better
 * configs when they have seen more results.
 *
 * <p>Results are passed on as they come; a completion is passed on only for a trial this limiter
 * suggested, and frees its slot.
 */
public final class ConcurrencyLimiter implements Searcher {

    private final Searcher searcher;
    private final int maxConcurrent;
    private final Set<String> live = new HashSet<>();

    /** Limits {@code searcher} to {@code maxConcurrent} trials running at once (at least 1). */
    public ConcurrencyLimiter(Searcher searcher, int maxConcurrent) {
        this.searcher = Objects.requireNonNull(searcher, "searcher");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent
                    + "; to run trials one at a time use 1");
        }
        this.maxConcurrent = maxConcurrent;
    }

    /** The searcher this limiter wraps. */
    public Searcher searcher() {
        return searcher;
    }

    /** The most trials that run at once. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    @Override
    public void start(SearchProblem problem) {
        live.clear();
        searcher.start(problem);
    }

    @Override
    public Suggestion suggest(String trialId) {
        return limited(trialId, () -> searcher.suggest(trialId));
    }

    @Override
    public Suggestion suggest(String trialId, int number) {
        return limited(trialId, () -> searcher.suggest(trialId, number));
    }

    private Suggestion limited(String trialId, Supplier<Suggestion> suggest) {
        if (live.size() >= maxConcurrent) {
            return Suggestion.notNow();
        }
        Suggestion suggestion = suggest.get();
        if (suggestion.config().isPresent()) {
            live.add(trialId);
        }
        return suggestion;
    }

    /**
     * Another worker's trial runs: the wrapped searcher hears of it, and it counts against the
     * limit, which in a shared experiment holds for every worker's trials together.
     */
    @Override
    public void onTrialAdded(Trial trial) {
        live.add(trial.id());
        searcher.onTrialAdded(trial);
    }

    /**
     * False, whatever it wraps: whether it answers {@link Suggestion#notNow()} depends on how many of
     * its trials have completed, not on the position alone.
     */
    @Override
    public boolean positional() {
        return false;
    }

    /** What the wrapped searcher answers: results are passed on as they come. */
    @Override
    public boolean readsResults() {
        return searcher.readsResults();
    }

    /**
     * False, whatever it wraps: a trial claimed ahead would take one of the trials it lets run at
     * once, the fresher suggestions it is there for.
     */
    @Override
    public boolean suggestsAhead() {
        return false;
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
        if (live.remove(trial.id())) {
            searcher.onTrialComplete(trial);
        }
    }

    /** The wrapped searcher's description, then {@code ; at most 4 trials at a time}. */
    @Override
    public String describe() {
        return searcher.describe() + "; at most " + maxConcurrent + (maxConcurrent == 1 ? " trial" : " trials")
                + " at a time";
    }

    @Override
    public String toString() {
        return "ConcurrencyLimiter(" + searcher + ", maxConcurrent=" + maxConcurrent + ")";
    }
}
