package dev.tune.result;

import java.util.Map;

/**
 * A custom objective, as the Hugging Face Trainer's {@code compute_objective}: computes the one
 * number an experiment optimises from the metrics of each result, for example
 * {@code metrics -> metrics.get("f1")}. Set it with {@code tune.objective}; the value is recorded
 * with every result as the metric {@value Objective#DERIVED_NAME}.
 */
@FunctionalInterface
public interface ObjectiveFunction {

    /** The objective for one result's metrics; NaN when it cannot be computed. */
    double apply(Map<String, Double> metrics);
}
