package dev.tune.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            if (t < rung.milestone || rung.recorded.containsKey(trialId)) {
                continue;
            }
            double cutoff = rung.cutoff(reductionFactor);
            Decision decision = !Double.isNaN(cutoff) && value < cutoff ? Decision.STOP : Decision.CONTINUE;
            if (!Double.isNaN(value)) {
                rung.recorded.put(trialId, value);
            }
            return decision;
        }
        return Decision.CONTINUE;
    }

    /** A milestone and the values recorded there. */
    private static final class Rung {
        final double milestone;
        final Map<String, Double> recorded = new HashMap<>();

        Rung(double milestone) {
            this.milestone = milestone;
        }

        /** The {@code 1 - 1/rf} quantile of the recorded values (linear interpolation, as numpy); NaN when none. */
        double cutoff(double reductionFactor) {
            if (recorded.isEmpty()) {
                return Double.NaN;
            }
            double[] values = new double[recorded.size()];
            int i = 0;
            for (double v : recorded.values()) {
                values[i++] = v;
            }
            Arrays.sort(values);
            double position = (1 - 1 / reductionFactor) * (values.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(values.length - 1, below + 1);
            return values[below] + (position - below) * (values[above] - values[below]);
        }
    }
}
