package dev.tune.stop;

import dev.tune.result.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * A Ray-style stop criterion on one metric: the trial stops once the metric is at least (or at
 * most) the value. Written {@code accuracy>=0.98} or {@code loss<=0.1}.
 *
 * @param atLeast true for {@code >=}, false for {@code <=}
 */
public record MetricThreshold(String metric, boolean atLeast, double value) {

    /** True when {@code result} reports the metric and it has reached the threshold. */
    public boolean isReached(Result result) {
        double v = result.metric(metric);
        return !Double.isNaN(v) && (atLeast ? v >= value : v <= value);
    }

    /** Parses {@code metric>=value} or {@code metric<=value}, several separated by commas. */
    public static List<MetricThreshold> parseAll(String text) {
        List<MetricThreshold> thresholds = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int ge = part.indexOf(">=");
            int le = part.indexOf("<=");
            int at = ge >= 0 ? ge : le;
            if (at <= 0) {
                throw new IllegalArgumentException("write each threshold as metric>=value or metric<=value, got '"
                        + part.trim() + "'");
            }
            thresholds.add(new MetricThreshold(part.substring(0, at).trim(), ge >= 0,
                    Double.parseDouble(part.substring(at + 2).trim())));
        }
        return thresholds;
    }

    @Override
    public String toString() {
        return metric + (atLeast ? ">=" : "<=") + value;
    }
}
