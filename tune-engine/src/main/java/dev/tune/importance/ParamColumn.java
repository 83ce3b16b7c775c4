package dev.tune.importance;

import java.util.Objects;

/**
 * One hyperparameter's values over the trials whose importance is asked, with the range fANOVA
 * marginalises it over. A number ranges over {@code [low, high]} on its own scale (a log domain
 * is not transformed, as Optuna's evaluator does not); a choice is the index of the value each
 * trial took among {@code categories} values, one-hot encoded inside the forest.
 *
 * @param name the hyperparameter's name
 * @param low the lower bound of a number; 0 for a choice
 * @param high the upper bound of a number; 0 for a choice
 * @param categories the number of values of a choice, 0 for a number
 * @param values one per trial: the number, or the index of the choice
 */
public record ParamColumn(String name, double low, double high, int categories, double[] values) {

    public ParamColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        if (categories < 0 || (categories == 0 && !(low <= high))) {
            throw new IllegalArgumentException(name + ": needs low <= high, or a number of categories");
        }
    }

    /** A number in {@code [low, high]}. */
    public static ParamColumn number(String name, double low, double high, double[] values) {
        return new ParamColumn(name, low, high, 0, values);
    }

    /** A choice among {@code categories} values; {@code indices} are each trial's choice. */
    public static ParamColumn choice(String name, int categories, double[] indices) {
        return new ParamColumn(name, 0, 0, categories, indices);
    }

    boolean isChoice() {
        return categories > 0;
    }

    /** True when the domain holds one value only, so it cannot explain any variation. */
    boolean isSingle() {
        return isChoice() ? categories == 1 : low == high;
    }

    /** The forest's columns this parameter takes: one for a number, one per value for a choice. */
    int width() {
        return isChoice() ? categories : 1;
    }
}
