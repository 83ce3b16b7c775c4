package dev.tune.search;

import java.util.SplittableRandom;

/**
 * A scrambled Halton sequence: points in the unit cube that fill it far more evenly than random
 * draws, so a few start-up trials already cover the space (Optuna's {@code QMCSampler} offers
 * Halton and Sobol). Each dimension uses the next prime as its base; every digit of every
 * dimension is permuted by a permutation drawn from the seed (random-permutation scrambling), which
 * removes the correlations plain Halton shows between high dimensions. Point {@code k} depends
 * only on the seed and {@code k}.
 */
public final class Halton {

    private static final int MAX_DIGITS = 40;

    private final int[] bases;
    private final int[][][] permutations;

    /** A sequence in {@code dimensions} dimensions, scrambled by {@code seed}. */
    public Halton(int dimensions, long seed) {
        bases = primes(dimensions);
        permutations = new int[dimensions][MAX_DIGITS][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int d = 0; d < dimensions; d++) {
            for (int digit = 0; digit < MAX_DIGITS; digit++) {
                int[] p = new int[bases[d]];
                for (int i = 0; i < p.length; i++) {
                    p[i] = i;
                }
                for (int i = p.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = p[i];
                    p[i] = p[j];
                    p[j] = t;
                }
                permutations[d][digit] = p;
            }
        }
    }

    /** Point {@code k} (from 0), one coordinate in [0, 1) per dimension. */
    public double[] point(long k) {
        double[] u = new double[bases.length];
        for (int d = 0; d < bases.length; d++) {
            int base = bases[d];
            long n = k;
            double scale = 1.0 / base;
            double value = 0;
            for (int digit = 0; digit < MAX_DIGITS && scale > 1e-17; digit++) {
                int r = (int) (n % base);
                value += permutations[d][digit][r] * scale;
                n /= base;
                scale /= base;
            }
            u[d] = Math.min(value, Math.nextDown(1.0));
        }
        return u;
    }

    private static int[] primes(int count) {
        int[] primes = new int[count];
        int found = 0;
        for (int candidate = 2; found < count; candidate++) {
            boolean prime = true;
            for (int i = 0; i < found && primes[i] * primes[i] <= candidate; i++) {
                if (candidate % primes[i] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                primes[found++] = candidate;
            }
        }
        return primes;
    }
}
