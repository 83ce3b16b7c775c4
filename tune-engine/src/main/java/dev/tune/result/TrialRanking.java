package dev.tune.result;

import dev.tune.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How trials are compared: the best trial on one metric, and the Pareto front on several. Only
 * finite values count, so NaN and infinity are never chosen, and a trial that ended in error
 * competes on whatever finite values it reported. Ties keep the trial listed first, which is the
 * lower trial number when trials are in order.
 */
final class TrialRanking {

    private TrialRanking() {
    }

    static Optional<Trial> best(List<Trial> trials, String metric, Mode mode, Scope scope) {
        Trial best = null;
        double bestValue = Double.NaN;
        for (Trial trial : trials) {
            double value = trial.value(metric, mode, scope);
            if (Double.isFinite(value) && (best == null || mode.isBetter(value, bestValue))) {
                best = trial;
                bestValue = value;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The trials finite in every metric (last values) that no other such trial dominates, in order. */
    static List<Trial> paretoFront(List<Trial> trials, List<String> metrics, List<Mode> modes) {
        List<Trial> candidates = new ArrayList<>();
        List<double[]> costs = new ArrayList<>();
        for (Trial trial : trials) {
            double[] cost = cost(trial, metrics, modes);
            if (cost != null) {
                candidates.add(trial);
                costs.add(cost);
            }
        }
        List<Trial> front = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < candidates.size() && !dominated; j++) {
                dominated = j != i && Dominance.dominates(costs.get(j), costs.get(i));
            }
            if (!dominated) {
                front.add(candidates.get(i));
            }
        }
        return List.copyOf(front);
    }

    /** Each metric's last value turned so that smaller is better; null when one is not finite. */
    private static double[] cost(Trial trial, List<String> metrics, List<Mode> modes) {
        double[] cost = new double[metrics.size()];
        for (int k = 0; k < cost.length; k++) {
            double value = trial.value(metrics.get(k), modes.get(k), Scope.LAST);
            if (!Double.isFinite(value)) {
                return null;
            }
            cost[k] = modes.get(k) == Mode.MIN ? value : -value;
        }
        return cost;
    }
}
