package dev.tune.run;

import java.util.SplittableRandom;

/**
 * The seed a trial's own code gets ({@code TrialContext.seed()}): a function of the experiment's
 * seed and the trial's number only, so a resumed, restarted or re-run trial gets the seed it had.
 * It is kept apart from the searcher's random source, so seeding a model with it never correlates
 * with how its hyperparameters were drawn.
 */
public final class TrialSeeds {

    /** Separates trial seeds from every other use of the experiment's seed. */
    private static final long SALT = 0x7E57_5EED_C0FF_EE01L;

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private TrialSeeds() {
    }

    /** The seed of trial {@code number} (from 1) of an experiment seeded with {@code experimentSeed}. */
    public static long of(long experimentSeed, int number) {
        // SplittableRandom's first value is SplitMix64 of its seed plus its gamma: consecutive numbers
        // land a golden-ratio step apart, whose mixed values share no bits.
        return new SplittableRandom((experimentSeed ^ SALT) + number * GOLDEN_GAMMA).nextLong();
    }
}
