package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a field or parameter to a hyperparameter declared elsewhere (by a
 * {@link SearchSpace @SearchSpace} member or a domain annotation on another member), by name.
 * The value is converted to the member's type like a {@link Choice} value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Param {
    /** The hyperparameter's name, dotted for nested names ({@code optimizer.lr}). */
    String value();
}
