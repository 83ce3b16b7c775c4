package dev.tune.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reported iteration of one trial: the user's metrics plus the fields tune adds to every
 * result, as Ray does. Immutable; what callbacks, searchers, stoppers and the store all see.
 *
 * <p>The automatic fields map to Ray's names as follows (the stored JSON uses Ray's names, so
 * existing tooling reads it): {@code iteration} = {@code training_iteration},
 * {@code timeThisIterSeconds} = {@code time_this_iter_s}, {@code timeTotalSeconds} =
 * {@code time_total_s}, {@code timeSinceRestoreSeconds} = {@code time_since_restore},
 * {@code timestamp} = {@code timestamp} (but in epoch milliseconds), {@code trialId} =
 * {@code trial_id}, {@code iterationsSinceRestore} = {@code iterations_since_restore},
 * {@code done} = {@code done}.
 *
 * @param metrics the numeric values the trial reported, in reporting order; unmodifiable
 */
public record Result(
        String trialId,
        long iteration,
        double timeThisIterSeconds,
        double timeTotalSeconds,
        double timeSinceRestoreSeconds,
        long timestamp,
        long iterationsSinceRestore,
        boolean done,
        Map<String, Double> metrics) {

    public Result {
        Objects.requireNonNull(trialId, "trialId");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The metric's value, or NaN when this result does not report it. */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }

    /** True when this result reports {@code name}. */
    public boolean has(String name) {
        return metrics.containsKey(name);
    }
}
