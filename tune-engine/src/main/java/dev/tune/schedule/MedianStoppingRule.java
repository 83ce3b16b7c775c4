package dev.tune.schedule;

import dev.tune.Mode;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ray's {@code MedianStoppingRule} (the Vizier paper's rule): once past the grace period, a
 * trial is stopped when its best value so far is strictly worse than the median of the running
 * averages, up to the same time, of the completed trials, provided at least
 * {@code minSamplesRequired} trials have completed (trials it stopped early do not count). Values
 * reported before the grace period are not counted.
 */
public final class MedianStoppingRule implements Scheduler {

    private final TimeAttribute time;
    private final String ownMetric;
    private final Mode ownMode;
    private final double gracePeriod;
    private final int minSamplesRequired;
    private final Map<String, Curve> curves = new HashMap<>();
    private final List<Curve> completed = new ArrayList<>();
    private String metric;
    private Mode mode;

    /** Ray's defaults: time in seconds, a grace period of 60, at least 3 completed trials. */
    public MedianStoppingRule() {
        this(TimeAttribute.TIME_TOTAL_SECONDS, null, null, 60, 3);
    }

    /**
     * @param metric the metric to compare, or null for the experiment's
     * @param mode its mode, or null for the experiment's
     */
    public MedianStoppingRule(TimeAttribute time, String metric, Mode mode, double gracePeriod,
            int minSamplesRequired) {
        if (gracePeriod < 0 || minSamplesRequired < 1) {
            throw new IllegalArgumentException("need gracePeriod >= 0 and minSamplesRequired >= 1, got "
                    + gracePeriod + " and " + minSamplesRequired);
        }
        this.time = time;
        this.ownMetric = metric;
        this.ownMode = mode;
        this.gracePeriod = gracePeriod;
        this.minSamplesRequired = minSamplesRequired;
    }

    @Override
    public void start(SchedulerProblem problem) {
        metric = problem.metric(ownMetric, "median stopping");
        mode = problem.mode(ownMode, metric);
    }

    @Override
    public Decision onTrialResult(Result result) {
        double t = time.of(result);
        double value = result.metric(metric);
        if (t < gracePeriod || Double.isNaN(value)) {
            return Decision.CONTINUE;
        }
        Curve curve = curves.computeIfAbsent(result.trialId(), k -> new Curve());
        curve.add(t, mode == Mode.MAX ? value : -value);
        if (completed.size() < minSamplesRequired) {
            return Decision.CONTINUE;
        }
        double[] means = new double[completed.size()];
        int n = 0;
        for (Curve other : completed) {
            double mean = other.meanUpTo(t);
            if (!Double.isNaN(mean)) {
                means[n++] = mean;
            }
        }
        if (n < minSamplesRequired) {
            return Decision.CONTINUE;
        }
        Arrays.sort(means, 0, n);
        double median = n % 2 == 1 ? means[n / 2] : (means[n / 2 - 1] + means[n / 2]) / 2;
        return curve.best < median ? Decision.STOP : Decision.CONTINUE;
    }

    @Override
    public void onTrialComplete(Trial trial) {
        Curve curve = curves.remove(trial.id());
        boolean ranItsCourse = trial.status() == TrialStatus.TERMINATED && trial.termination()
                .filter(t -> t == Termination.COMPLETED || t == Termination.STOPPED).isPresent();
        if (curve != null && ranItsCourse) {
            completed.add(curve);
        }
    }

    @Override
    public String toString() {
        return "median(timeAttr=" + time + ", gracePeriod=" + gracePeriod + ", minSamplesRequired="
                + minSamplesRequired + ")";
    }

    /** True: its decisions depend only on its seed and the events it was told, in order. */
    @Override
    public boolean replicable() {
        return true;
    }

    /** One trial's values (as larger-is-better) by time, with prefix sums for running means. */
    private static final class Curve {
        private double[] times = new double[8];
        private double[] sums = new double[8];
        private int size;
        private double best = Double.NEGATIVE_INFINITY;

        void add(double t, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                sums = Arrays.copyOf(sums, size * 2);
            }
            times[size] = t;
            sums[size] = (size == 0 ? 0 : sums[size - 1]) + value;
            size++;
            best = Math.max(best, value);
        }

        /** The mean of the values reported at times up to {@code t}; NaN when there are none. */
        double meanUpTo(double t) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid] <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? Double.NaN : sums[lo - 1] / lo;
        }
    }
}
