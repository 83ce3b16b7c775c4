package dev.tune.result;

import dev.tune.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Hand-built trials whose metric statistics come from {@link MetricHistory}. */
final class TrialFixtures {

    private TrialFixtures() {
    }

    /** Trial {@code number}, terminated, reporting {@code values} of one metric in order. */
    static Trial trial(int number, String metric, double... values) {
        return trial(number, TrialStatus.TERMINATED, Config.empty(), Map.of(metric, values));
    }

    /** A trial reporting each metric's values, the i-th values of all metrics in one result. */
    static Trial trial(int number, TrialStatus status, Config config, Map<String, double[]> series) {
        MetricHistory history = new MetricHistory();
        int length = series.values().stream().mapToInt(values -> values.length).max().orElse(0);
        Map<String, Double> last = new LinkedHashMap<>();
        for (int i = 0; i < length; i++) {
            last = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> metric : series.entrySet()) {
                if (i < metric.getValue().length) {
                    last.put(metric.getKey(), metric.getValue()[i]);
                }
            }
            history.add(last);
        }
        String id = "exp_" + number;
        Optional<Result> lastResult = length == 0 ? Optional.empty()
                : Optional.of(new Result(id, length, 1, length, length, 1_700_000_000_000L, length, false, last));
        return new Trial(id, number, "#" + number, config, status,
                status == TrialStatus.TERMINATED ? Optional.of(Termination.COMPLETED) : Optional.empty(), length,
                lastResult, history.snapshot(),
                status == TrialStatus.ERROR ? Optional.of(new TrialError("java.lang.IllegalStateException",
                        "diverged", "java.lang.IllegalStateException: diverged\n\tat Model.step")) : Optional.empty(),
                Optional.empty());
    }

    /** Two metrics' values, one result each. */
    static Map<String, double[]> pair(String a, double va, String b, double vb) {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(a, new double[] {va});
        series.put(b, new double[] {vb});
        return series;
    }
}
