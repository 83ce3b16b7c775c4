package dev.tune.search.cmaes;

import java.util.SplittableRandom;

/**
 * The random sources of a CMA-ES search, each a pure function of the search's seed and a counter,
 * so that the whole random state saves as two numbers: stream {@code k >= 0} serves the k-th
 * suggestion, stream {@code -1 - r} the start point of restart {@code r}.
 */
final class Draws {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Draws() {
    }

    /** The generator for counter {@code k} of a search seeded with {@code seed}. */
    static SplittableRandom stream(long seed, long k) {
        return new SplittableRandom(finish(finish(seed ^ 0x434D412D4553L) + (k + 1) * GOLDEN_GAMMA));
    }

    /** SplitMix64's finalizer: a bijection that avalanches every input bit. */
    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
