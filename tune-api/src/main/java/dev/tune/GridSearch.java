package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every one of the given values, in order, as Ray's {@code tune.grid_search}: the experiment runs
 * the cross product of all grid parameters, each combination {@code samples} times. Values convert
 * like {@link Choice} values.
 *
 * <p>Put it on a field, a constructor parameter or a method parameter of a trainable. The
 * hyperparameter is named after the member (compile with {@code -parameters} for parameter names)
 * unless {@link #name()} says otherwise. A field must be neither static nor final.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface GridSearch {
    String[] value();

    /**
     * The hyperparameter's name in configs, results, tables and reports, when it should not be the
     * member's: {@code "max_depth"} for a field {@code maxDepth}, or {@code "lambda"}, which no Java
     * member can be called. Default: the member's name.
     */
    String name() default "";
}
