package dev.tune.stop;

import dev.tune.result.Result;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops a trial whose metric has flattened, as Ray's {@code TrialPlateauStopper}: once the trial
 * has at least {@code gracePeriod} results, it stops when the standard deviation of its last
 * {@code numResults} values is at most {@code std}.
 */
public final class TrialPlateauStopper implements Stopper {

    private final String metric;
    private final double std;
    private final int numResults;
    private final int gracePeriod;
    private final Map<String, Deque<Double>> windows = new HashMap<>();

    public TrialPlateauStopper(String metric, double std, int numResults, int gracePeriod) {
        if (numResults < 2 || gracePeriod < 0 || !(std >= 0)) {
            throw new IllegalArgumentException("need numResults >= 2, gracePeriod >= 0 and std >= 0");
        }
        this.metric = metric;
        this.std = std;
        this.numResults = numResults;
        this.gracePeriod = gracePeriod;
    }

    @Override
    public boolean shouldStopTrial(Result result) {
        double value = result.metric(metric);
        if (Double.isNaN(value)) {
            return false;
        }
        Deque<Double> window = windows.computeIfAbsent(result.trialId(), k -> new ArrayDeque<>());
        window.addLast(value);
        if (window.size() > numResults) {
            window.removeFirst();
        }
        return result.iteration() >= gracePeriod && window.size() == numResults
                && ExperimentPlateauStopper.deviation(List.copyOf(window)) <= std;
    }
}
