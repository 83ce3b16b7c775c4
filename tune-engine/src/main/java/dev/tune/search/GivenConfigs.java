package dev.tune.search;

import dev.tune.Config;
import java.util.List;

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
