package dev.tune.bench;

/**
 * B5's synthetic learning curve, exactly as BENCHMARKS.md defines it, so that Java and the Python
 * reference produce the same losses for the same config: a noise-free mean that decays from 2.3
 * towards a floor set by {@code lr}, {@code width} and {@code dropout}, plus noise drawn from a
 * SplitMix64 hash of the config and the epoch (no state, so any epoch can be read in any order).
 *
 * <p>Everything is plain {@code double} arithmetic in the order the definition writes it, with
 * {@code ln(width) / ln(2)} rather than a base-2 logarithm, to stay bit-compatible.
 */
final class LearningCurve {

    /** Noise-free optimum of {@code mean(81)} over the space (the reference's {@code noise_free_opt_final}). */
    static final double OPTIMUM_MEAN_81 = 0.050002840006832645;

    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;
    private static final double SQRT_3 = Math.sqrt(3);

    private final long key;
    private final double floor;
    private final double rate;

    private LearningCurve(double lr, int width, double dropout) {
        double u = Math.log10(lr);
        double v = Math.log(width) / Math.log(2);
        double du = u + 2.5;
        double dv = v - 7.5;
        double dd = dropout - 0.2;
        this.floor = 0.05 + 0.04 * du * du + 0.015 * dv * dv + 0.02 * du * dv + 0.8 * dd * dd;
        double w = u + 2.0;
        this.rate = 0.25 * Math.exp(-0.5 * (w * w)) * (1 - dropout) * (0.6 + 0.1 * (v - 4));
        this.key = key(lr, width, dropout);
    }

    /** The curve of one config. */
    static LearningCurve of(double lr, int width, double dropout) {
        return new LearningCurve(lr, width, dropout);
    }

    /** {@code sm(sm(sm(sm(0x5EED) ^ q(lr)) ^ width) ^ q(dropout))}. */
    static long key(double lr, int width, double dropout) {
        return splitMix64(splitMix64(splitMix64(splitMix64(0x5EEDL) ^ quantise(lr)) ^ width) ^ quantise(dropout));
    }

    long key() {
        return key;
    }

    /** The noise-free loss after epoch {@code t}. */
    double mean(int t) {
        return floor + (2.3 - floor) * Math.exp(-rate * t);
    }

    /** The noise's standard deviation after epoch {@code t}. */
    static double sigma(int t) {
        return 0.005 + 0.02 * Math.exp(-t / 9.0);
    }

    /** The observed loss after epoch {@code t}: {@code mean(t) + sigma(t) z(t)}. */
    double loss(int t) {
        double z = (uniform(t, 0) + uniform(t, 1) + uniform(t, 2) + uniform(t, 3) - 2) * SQRT_3;
        return mean(t) + sigma(t) * z;
    }

    /** {@code U(t, k) = (sm(sm(key ^ t) + k) >>> 11) * 2^-53}, in {@code [0, 1)}. */
    double uniform(int t, int k) {
        return (splitMix64(splitMix64(key ^ t) + k) >>> 11) * TWO_TO_MINUS_53;
    }

    /** {@code (long) floor(x * 1e9 + 0.5)}. */
    static long quantise(double x) {
        return (long) Math.floor(x * 1e9 + 0.5);
    }

    /** The SplitMix64 finaliser of the definition, arithmetic modulo 2^64. */
    static long splitMix64(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
