package dev.tune.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One bracket of asynchronous successive halving: its rungs from the highest milestone down. The
 * values trials had on reaching a rung are kept in {@link RungValues} (in memory, or in a shared
 * experiment's database); the bracket remembers which rungs the trials it was told of reached.
 */
final class Bracket {

    private final int index;
    private final double reductionFactor;
    private final RungValues values;
    private final List<Rung> rungs = new ArrayList<>();

    Bracket(double gracePeriod, double maxT, double reductionFactor, int index, RungValues values) {
        this.index = index;
        this.reductionFactor = reductionFactor;
        this.values = values;
        int count = (int) (Math.log(maxT / gracePeriod) / Math.log(reductionFactor) - index + 1 + 1e-9);
        for (int k = count - 1; k >= 0; k--) {
            rungs.add(new Rung(k, gracePeriod * Math.pow(reductionFactor, k + index)));
        }
    }

    int rungCount() {
        return rungs.size();
    }

    /**
     * Records the trial at the highest rung it newly reached, and stops it when below the cut-off
     * of the values recorded there before it: the {@code 1 - 1/reductionFactor} quantile.
     */
    Decision onResult(String trialId, double t, double value) {
        for (Rung rung : rungs) {
            if (t < rung.milestone || rung.trials.contains(trialId)) {
                continue;
            }
            double cutoff = values.cutoffThenRecord(index, rung.k, trialId, value, 1 - 1 / reductionFactor);
            if (!Double.isNaN(value)) {
                rung.trials.add(trialId);
            }
            return !Double.isNaN(cutoff) && value < cutoff ? Decision.STOP : Decision.CONTINUE;
        }
        return Decision.CONTINUE;
    }

    /** A milestone, and the trials told here that reached it. */
    private static final class Rung {
        final int k;
        final double milestone;
        final Set<String> trials = new HashSet<>();

        Rung(int k, double milestone) {
            this.k = k;
            this.milestone = milestone;
        }
    }
}
