package dev.tune.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One bracket of asynchronous successive halving: its rungs from the highest milestone down, each
 * with the values (larger is better) its trials had on reaching it.
 */
final class Bracket {

    private final double reductionFactor;
    private final List<Rung> rungs = new ArrayList<>();

    Bracket(double gracePeriod, double maxT, double reductionFactor, int index) {
        this.reductionFactor = reductionFactor;
        int count = (int) (Math.log(maxT / gracePeriod) / Math.log(reductionFactor) - index + 1 + 1e-9);
        for (int k = count - 1; k >= 0; k--) {
            rungs.add(new Rung(gracePeriod * Math.pow(reductionFactor, k + index)));
        }
    }

    int rungCount() {
        return rungs.size();
    }

    /** Records the trial at the highest rung it newly reached, and stops it when below that rung's cut-off. */
    Decision onResult(String trialId, double t, double value) {
        for (Rung rung : rungs) {
            if (t < rung.milestone || rung.has(trialId)) {
                continue;
            }
            double cutoff = rung.cutoff(reductionFactor);
            Decision decision = !Double.isNaN(cutoff) && value < cutoff ? Decision.STOP : Decision.CONTINUE;
            if (!Double.isNaN(value)) {
                rung.record(trialId, value);
            }
            return decision;
        }
        return Decision.CONTINUE;
    }

    /**
     * A milestone and the values recorded there, kept in ascending order as they come: the cut-off
     * is then read, not sorted, at every result. Sorting every recorded value at each result cost a
     * shared worker, which hears every worker's results, two thirds of its CPU on B7's ASHA rows.
     */
    private static final class Rung {
        final double milestone;
        private final Set<String> trials = new HashSet<>();
        private double[] sorted = new double[16];
        private int size;

        Rung(double milestone) {
            this.milestone = milestone;
        }

        boolean has(String trialId) {
            return trials.contains(trialId);
        }

        /** Records the trial's value (not NaN) at this milestone. */
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

        /** The {@code 1 - 1/rf} quantile of the recorded values (linear interpolation, as numpy); NaN when none. */
        double cutoff(double reductionFactor) {
            if (size == 0) {
                return Double.NaN;
            }
            double position = (1 - 1 / reductionFactor) * (size - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(size - 1, below + 1);
            return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }
    }
}
