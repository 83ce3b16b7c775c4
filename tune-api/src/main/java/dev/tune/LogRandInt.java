package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integer drawn uniformly in log space from {@code [lower, upper)} (upper bound <b>exclusive</b>,
 * as for {@link RandInt}), as Ray's {@code tune.lograndint}: {@code @LogRandInt(lower = 1, upper =
 * 1025)} gives 1 to 1024, small values as likely per order of magnitude as large ones. Both bounds
 * must be positive.
 *
 * <p>Put it on a field, a constructor parameter or a method parameter of a trainable. The
 * hyperparameter is named after the member (compile with {@code -parameters} for parameter names)
 * unless {@link #name()} says otherwise. A field must be neither static nor final.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface LogRandInt {
    long lower();

    long upper();

    /**
     * The logarithm's base, as Ray's {@code base}; values are log-uniform whatever it is (Ray has
     * deprecated it for that reason), so it changes only how the domain is described.
     */
    double base() default 10;

    /**
     * The hyperparameter's name in configs, results, tables and reports, when it should not be the
     * member's: {@code "max_depth"} for a field {@code maxDepth}, or {@code "lambda"}, which no Java
     * member can be called. Default: the member's name.
     */
    String name() default "";
}
