package dev.tune.search;

import dev.tune.space.Grid;
import java.util.Optional;

/**
 * Grid and random search as Ray's {@code BasicVariantGenerator} (Ray's default searcher; tune's
 * {@code auto} picks it for a space with a grid). Every
 * {@link Grid} hyperparameter is enumerated; every other domain is sampled.
 *
 * <ul>
 *   <li>The trials are the cross product of the grids (in declaration order, the last grid
 *       varying fastest), repeated {@link SearchProblem#samples() samples} times: the repeats are
 *       the outer loop, as in Ray, so all combinations come once before any comes twice. Without
 *       a grid there are exactly {@code samples} trials.</li>
 *   <li>Reproducible: the k-th suggestion's config depends only on the seed and k, never on how
 *       many trials run at once or when they finish.</li>
 *   <li>It ignores results: every config is fixed before the first trial runs. After the last
 *       config, it answers {@link Suggestion#finished()}.</li>
 * </ul>
 */
public final class RandomSearch implements Searcher {

    private Variants variants;

    /** A random search; what it searches arrives through {@link #start}. */
    public RandomSearch() {
    }

    @Override
    public void start(SearchProblem problem) {
        variants = new Variants(problem.space(), problem.samples(), problem.seed());
    }

    @Override
    public Suggestion suggest(String trialId) {
        if (variants == null) {
            throw new IllegalStateException("RandomSearch.start(problem) must be called before suggest");
        }
        return variants.next();
    }

    /**
     * The config at position {@code number - 1}, whatever this copy suggested before: workers that
     * suggest at once (a positional searcher wrapped in a limiter) never draw the same one.
     */
    @Override
    public Suggestion suggest(String trialId, int number) {
        if (variants == null) {
            throw new IllegalStateException("RandomSearch.start(problem) must be called before suggest");
        }
        return variants.forNumber(number);
    }

    /** True: the k-th config depends only on the seed and k. */
    @Override
    public boolean positional() {
        return true;
    }

    /** False: it ignores results, every config is fixed before the first trial runs. */
    @Override
    public boolean readsResults() {
        return false;
    }

    /** True: its configs do not depend on what ran before. */
    @Override
    public boolean suggestsAhead() {
        return true;
    }

    @Override
    public Optional<Suggestion> suggestionAt(long position) {
        if (variants == null) {
            throw new IllegalStateException("RandomSearch.start(problem) must be called before suggestionAt");
        }
        return Optional.of(variants.at(position));
    }

    /** {@code random search}; once started on a grid, {@code random search over a grid (each of the 6 ...)}. */
    @Override
    public String describe() {
        return variants == null || !variants.hasGrid() ? "random search"
                : "random search over a grid (" + variants.coverage() + ")";
    }

    @Override
    public String toString() {
        return "RandomSearch";
    }
}
