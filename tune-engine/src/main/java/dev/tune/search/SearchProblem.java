package dev.tune.search;

import dev.tune.result.Objective;
import dev.tune.space.Space;

/**
 * What a searcher searches: the space, the objective, how many samples the user asked for
 * (Ray's {@code num_samples}; with grid parameters, the number of repeats of the grid;
 * {@value #UNBOUNDED}, as Ray's {@code -1}: trials until a stop rule or the time budget ends the
 * experiment, a grid repeated as long), the seed
 * that makes the search reproducible, and what it needs to know of the scheduler: its
 * {@link Brackets} ({@link Brackets#NONE} when it has none) and whether it may stop trials early
 * ({@code stopsEarly}: a searcher that learns from completed trials only learns little then).
 */
public record SearchProblem(Space space, Objective objective, int samples, long seed, Brackets brackets,
        boolean stopsEarly) {

    /** The samples of an experiment that runs until a stop rule or the time budget ends it (Ray's {@code -1}). */
    public static final int UNBOUNDED = -1;

    public SearchProblem {
        if (samples < 1 && samples != UNBOUNDED) {
            throw new IllegalArgumentException("samples must be at least 1, or -1 for no limit, got " + samples);
        }
        if (brackets == null) {
            throw new IllegalArgumentException("brackets must not be null; use Brackets.NONE");
        }
    }

    /** True when the user set no number of samples ({@link #UNBOUNDED}). */
    public boolean unbounded() {
        return samples == UNBOUNDED;
    }

    /** How many configs a searcher suggests in all (times a grid's size for grid repeats): no limit when unbounded. */
    public long limit() {
        return unbounded() ? Long.MAX_VALUE : samples;
    }

    /** A problem whose scheduler never stops a trial early (FIFO): no brackets. */
    public SearchProblem(Space space, Objective objective, int samples, long seed) {
        this(space, objective, samples, seed, Brackets.NONE, false);
    }

    /** A problem whose scheduler has {@code brackets}, and so stops trials early unless it has none. */
    public SearchProblem(Space space, Objective objective, int samples, long seed, Brackets brackets) {
        this(space, objective, samples, seed, brackets, brackets != Brackets.NONE);
    }
}
