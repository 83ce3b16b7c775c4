package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integer drawn uniformly in log space from {@code [lower, upper]} (upper bound <b>inclusive</b>)
 * and rounded to a multiple of {@code q}, as Ray's {@code tune.qlograndint}. Both bounds must be positive.
 *
 * <p>Put it on a field, a constructor parameter or a method parameter of a trainable. The
 * hyperparameter is named after the member (compile with {@code -parameters} for parameter names)
 * unless {@link #name()} says otherwise. A field must be neither static nor final.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface QLogRandInt {
    long lower();

    long upper();

    long q() default 1;

    double base() default 10;

    /** The hyperparameter's name; default: the member's name. */
    String name() default "";
}
