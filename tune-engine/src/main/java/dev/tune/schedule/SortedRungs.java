package dev.tune.schedule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rungs in memory: each rung's values kept in ascending order as they come, so a cut-off is read,
 * not sorted, at every result. Sorting every recorded value at each result cost a shared worker,
 * which heard every worker's results, two thirds of its CPU on B7's ASHA rows.
 */
final class SortedRungs implements RungValues {

    private final Map<Long, Rung> rungs = new HashMap<>();

    @Override
    public double cutoffThenRecord(int bracket, int rung, String trialId, double value, double quantile) {
        Rung at = rungs.computeIfAbsent(((long) bracket << 32) | rung, key -> new Rung());
        if (at.trials.contains(trialId)) {
            return Double.NaN;
        }
        double cutoff = at.quantile(quantile);
        if (!Double.isNaN(value)) {
            at.record(trialId, value);
        }
        return cutoff;
    }

    /** The values recorded at one rung, ascending, and the trials that recorded them. */
    private static final class Rung {
        private final Set<String> trials = new HashSet<>();
        private double[] sorted = new double[16];
        private int size;

        void record(String trialId, double value) {
            trials.add(trialId);
            int at = Arrays.binarySearch(sorted, 0, size, value);
            at = at < 0 ? -at - 1 : at;
            if (size == sorted.length) {
                sorted = Arrays.copyOf(sorted, size * 2);
            }
            System.arraycopy(sorted, at, sorted, at + 1, size - at);
            sorted[at] = value;
            size++;
        }

        /** The quantile of the recorded values (linear interpolation, as numpy); NaN when none. */
        double quantile(double q) {
            if (size == 0) {
                return Double.NaN;
            }
            double position = q * (size - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(size - 1, below + 1);
            return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }
    }
}
