package dev.tune.search;

import dev.tune.space.Categorical;
import dev.tune.space.Domain;
import dev.tune.space.Grid;
import dev.tune.space.IntDomain;
import dev.tune.space.Space;
import dev.tune.space.SpaceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exhaustive search over every discrete hyperparameter, as Optuna's {@code GridSampler}:
 *
 * <ul>
 *   <li>the grid axes are every {@link Grid} and every {@link Categorical} (each of its values),
 *       and every {@link IntDomain} with at most {@value #MAX_INT_VALUES} values (each of them, a
 *       multiple of its q, as a {@code Long});</li>
 *   <li>the trials are the cross product of the axes (in declaration order, the last varying
 *       fastest), repeated {@link SearchProblem#samples() samples} times, all combinations once
 *       before any twice;</li>
 *   <li>the other domains (floats, normals, larger integer ranges) are sampled, reproducibly:
 *       the k-th suggestion's config depends only on the seed and k, as in {@link RandomSearch};
 *       constants are copied and sample-from values computed as usual.</li>
 * </ul>
 *
 * A space of two choices of 3 and 4 values thus gives 12 trials per sample, where
 * {@link RandomSearch} gives one. After the last, it answers {@link Suggestion#finished()}.
 */
public final class GridSearch implements Searcher {

    /** The largest integer range that becomes a grid axis; larger ranges are sampled. */
    public static final int MAX_INT_VALUES = 1000;

    private Variants variants;

    /** A grid search; what it searches arrives through {@link #start}. */
    public GridSearch() {
    }

    @Override
    public void start(SearchProblem problem) {
        variants = new Variants(gridded(problem.space()), problem.samples(), problem.seed());
    }

    @Override
    public Suggestion suggest(String trialId) {
        if (variants == null) {
            throw new IllegalStateException("GridSearch.start(problem) must be called before suggest");
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
            throw new IllegalStateException("GridSearch.start(problem) must be called before suggest");
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
            throw new IllegalStateException("GridSearch.start(problem) must be called before suggestionAt");
        }
        return Optional.of(variants.at(position));
    }

    /** {@code space} with every discrete domain replaced by a grid of its values, in the same order. */
    static Space gridded(Space space) {
        SpaceBuilder builder = Space.builder();
        space.domains().forEach((name, domain) -> builder.add(name, asGrid(domain)));
        return builder.build();
    }

    private static Domain asGrid(Domain domain) {
        if (domain instanceof Categorical choice) {
            return new Grid(choice.values());
        }
        if (domain instanceof IntDomain ints && ints.size() >= 1 && ints.size() <= MAX_INT_VALUES) {
            List<Object> values = new ArrayList<>((int) ints.size());
            long first = -Math.floorDiv(-ints.lower(), ints.q());
            for (long k = 0; k < ints.size(); k++) {
                values.add((first + k) * ints.q());
            }
            return new Grid(values);
        }
        return domain;
    }

    /**
     * {@code grid search over every choice, grid and integer range of at most 1,000 values}, and once
     * started what that makes: {@code (each of the 12 combinations once; any other hyperparameter drawn
     * at random)}.
     */
    @Override
    public String describe() {
        String what = String.format(Locale.ROOT, "grid search over every choice, grid and integer range of at most"
                + " %,d values", MAX_INT_VALUES);
        if (variants == null) {
            return what;
        }
        return variants.hasGrid() ? what + " (" + variants.coverage() + ")"
                : "grid search, with nothing to enumerate (each hyperparameter drawn at random)";
    }

    @Override
    public String toString() {
        return "GridSearch";
    }
}
