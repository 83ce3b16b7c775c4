package dev.tune.search;

import dev.tune.Config;
import java.util.List;
import java.util.Optional;

/**
 * Runs exactly the given configs, in order, then finishes: for re-running a recorded trial, or
 * for evaluating known-good points as Ray's {@code points_to_evaluate} does. It ignores the
 * sample count and the seed.
 */
public final class GivenConfigs implements Searcher {

    private final List<Config> configs;
    private int next;

    public GivenConfigs(List<Config> configs) {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("give at least one config");
        }
        this.configs = List.copyOf(configs);
    }

    @Override
    public void start(SearchProblem problem) {
        next = 0;
    }

    @Override
    public Suggestion suggest(String trialId) {
        return next < configs.size() ? Suggestion.of(configs.get(next++)) : Suggestion.finished();
    }

    /** The config at position {@code number - 1}, whatever this copy suggested before; the rest follow it. */
    @Override
    public Suggestion suggest(String trialId, int number) {
        next = Math.max(next, number);
        return number - 1 < configs.size() ? Suggestion.of(configs.get(number - 1)) : Suggestion.finished();
    }

    /** True: the k-th suggestion is the k-th given config, whatever happened before. */
    @Override
    public boolean positional() {
        return true;
    }

    /** The config at {@code position}; finished past the last. */
    @Override
    public Optional<Suggestion> suggestionAt(long position) {
        return Optional.of(position < configs.size() ? Suggestion.of(configs.get((int) position))
                : Suggestion.finished());
    }

    /** False: it runs the given configs whatever they report. */
    @Override
    public boolean readsResults() {
        return false;
    }

    /** True: its configs do not depend on what ran before. */
    @Override
    public boolean suggestsAhead() {
        return true;
    }

    /** {@code the 3 given configs, in order}. */
    @Override
    public String describe() {
        return configs.size() == 1 ? "the one given config" : "the " + configs.size() + " given configs, in order";
    }

    @Override
    public String toString() {
        return "GivenConfigs" + configs;
    }
}
