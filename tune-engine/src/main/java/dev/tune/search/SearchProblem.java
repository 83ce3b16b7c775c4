package dev.tune.search;

import dev.tune.result.Objective;
import dev.tune.space.Space;

/**
 * What a searcher searches: the space, the objective, how many samples the user asked for
 * (Ray's {@code num_samples}; with grid parameters, the number of repeats of the grid), the seed
 * that makes the search reproducible, and the scheduler's {@link Brackets} ({@link Brackets#NONE}
 * when it has none).
 */
public record SearchProblem(Space space, Objective objective, int samples, long seed, Brackets brackets) {

    public SearchProblem {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (brackets == null) {
            throw new IllegalArgumentException("brackets must not be null; use Brackets.NONE");
        }
    }

    /** A problem without brackets. */
    public SearchProblem(Space space, Objective objective, int samples, long seed) {
        this(space, objective, samples, seed, Brackets.NONE);
    }
}
