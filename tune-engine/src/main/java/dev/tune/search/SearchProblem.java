package dev.tune.search;

import dev.tune.result.Objective;
import dev.tune.space.Space;

/**
 * What a searcher searches: the space, the objective, how many samples the user asked for
 * (Ray's {@code num_samples}; with grid parameters, the number of repeats of the grid), and the
 * seed that makes the search reproducible.
 */
public record SearchProblem(Space space, Objective objective, int samples, long seed) {

    public SearchProblem {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
    }
}
