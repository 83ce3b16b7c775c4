package dev.tune.search;

import dev.tune.Config;
import dev.tune.space.Space;
import java.util.Locale;

/**
 * The fixed list of configs that Ray's variant generation produces, handed out one by one: for
 * each of {@code samples} repeats, every grid combination in turn, with the other domains drawn
 * from {@link TrialRandom#forSuggestion} so that config k depends only on the seed and k.
 */
final class Variants {

    private final Space space;
    private final GridAxes grid;
    private final long seed;
    private final long total;
    private long next;

    Variants(Space space, int samples, long seed) {
        this.space = space;
        this.grid = new GridAxes(space);
        this.seed = seed;
        try {
            this.total = samples == SearchProblem.UNBOUNDED ? Long.MAX_VALUE
                    : Math.multiplyExact(grid.size(), (long) samples);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(samples + " repeats of a grid of " + grid.size()
                    + " combinations are too many trials", e);
        }
    }

    /** The next config, or {@link Suggestion#finished()} after the last. */
    Suggestion next() {
        if (next >= total) {
            return Suggestion.finished();
        }
        Config config = config(next);
        next++;
        return Suggestion.of(config);
    }

    /**
     * The suggestion for trial {@code number} (from 1) of a shared experiment: the one at
     * {@code number - 1}, as on one machine; the sequence goes on after the highest number asked.
     */
    Suggestion forNumber(int number) {
        next = Math.max(next, number);
        return at(number - 1L);
    }

    /** Suggestion {@code k} (from 0), as the k-th call of {@link #next} gives it. */
    Suggestion at(long k) {
        return k >= total ? Suggestion.finished() : Suggestion.of(config(k));
    }

    /** Whether the space has a grid of more than one combination to cover. */
    boolean hasGrid() {
        return grid.size() > 1;
    }

    /**
     * How the configs cover the grid, in words: {@code each of the 6 combinations 100 times}, then
     * {@code ; any other hyperparameter drawn at random} when some other one varies.
     */
    String coverage() {
        long repeats = total / grid.size();
        String times = repeats == 1 ? "once" : repeats == 2 ? "twice"
                : String.format(Locale.ROOT, "%,d times", repeats);
        return String.format(Locale.ROOT, "each of the %,d combinations %s", grid.size(), times)
                + (SpaceShape.of(space).modelled() > 0 ? "; any other hyperparameter drawn at random" : "");
    }

    /** Config {@code k} (from 0): grid combination {@code k mod grid size}, repeats outermost. */
    Config config(long k) {
        return space.sample(TrialRandom.forSuggestion(seed, k), grid.combination(k % grid.size()));
    }
}
