package dev.tune;

import dev.tune.space.SpaceBuilder;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the hyperparameter declared on the same member conditional: it exists only in trials where
 * the hyperparameter {@code param} takes one of the values {@code equals} (written as text: a
 * choice's value as it prints, or a number). In other trials the member gets {@code null}, so it
 * must have a reference type ({@code Double}, not {@code double}). The annotation form of
 * {@link SpaceBuilder#when}.
 *
 * <pre>{@code
 * @Choice({"sgd", "adam"}) String optimizer;
 * @When(param = "optimizer", equals = "sgd") @Uniform(lower = 0.5, upper = 0.99) Double momentum;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface When {
    /** The hyperparameter the condition reads. */
    String param();

    /** The values of {@code param} for which this hyperparameter exists. */
    String[] equals();
}
