package dev.tune.stop;

import dev.tune.Mode;
import dev.tune.result.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops the whole experiment once its best trials stop improving, as Ray's
 * {@code ExperimentPlateauStopper}: after each result, the standard deviation of the top
 * {@code top} trials' latest values of {@code metric} is compared with {@code std}; after
 * {@code patience} consecutive results below it, the experiment stops.
 */
public final class ExperimentPlateauStopper implements Stopper {

    private final String metric;
    private final Mode mode;
    private final double std;
    private final int top;
    private final int patience;
    private final Map<String, Double> latest = new HashMap<>();
    private int belowStreak;

    public ExperimentPlateauStopper(String metric, Mode mode, double std, int top, int patience) {
        if (top < 2 || patience < 0 || !(std >= 0)) {
            throw new IllegalArgumentException("need top >= 2, patience >= 0 and std >= 0; got top=" + top
                    + ", patience=" + patience + ", std=" + std);
        }
        this.metric = metric;
        this.mode = mode;
        this.std = std;
        this.top = top;
        this.patience = patience;
    }

    @Override
    public boolean shouldStopTrial(Result result) {
        double value = result.metric(metric);
        if (Double.isFinite(value)) {
            latest.put(result.trialId(), value);
            List<Double> values = new ArrayList<>(latest.values());
            values.sort(mode == Mode.MIN ? null : Comparator.reverseOrder());
            if (values.size() >= top && deviation(values.subList(0, top)) <= std) {
                belowStreak++;
            } else {
                belowStreak = 0;
            }
        }
        return false;
    }

    @Override
    public boolean shouldStopAll() {
        return belowStreak > patience;
    }

    static double deviation(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.size());
    }
}
