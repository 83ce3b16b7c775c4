package dev.tune.importance;

/**
 * How much of the objective's variation one hyperparameter explains on its own: its share of the
 * variance, between 0 and 1, the shares of all hyperparameters adding up to 1 (as Optuna's
 * {@code get_param_importances} normalises them).
 */
public record ParamImportance(String name, double importance) {
}
