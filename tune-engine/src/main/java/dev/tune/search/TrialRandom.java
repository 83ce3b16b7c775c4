package dev.tune.search;

import java.util.SplittableRandom;

/**
 * The random source for one suggestion: a generator seeded from the experiment's seed and the
 * suggestion's position only, so that the k-th config is the same however many trials run at
 * once and in whatever order they finish.
 */
final class TrialRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private TrialRandom() {
    }

    /** The generator for suggestion {@code k} (from 0) of an experiment seeded with {@code seed}. */
    static SplittableRandom forSuggestion(long seed, long k) {
        return new SplittableRandom(mix(seed, k));
    }

    /** A well-spread 64-bit value from {@code seed} and {@code k}: neighbouring inputs share no bits. */
    static long mix(long seed, long k) {
        return finish(finish(seed) + (k + 1) * GOLDEN_GAMMA);
    }

    /** SplitMix64's finalizer (Stafford's variant 13): a bijection that avalanches every input bit. */
    static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
