package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integer drawn uniformly among the multiples of {@code q} in {@code [lower, upper]} (upper bound
 * <b>inclusive</b>), as Ray's {@code tune.qrandint} documents it: {@code @QRandInt(lower = 8, upper
 * = 64, q = 8)} gives 8, 16, ..., 64, and with the default {@code q = 1} every integer from
 * {@code lower} to {@code upper}. Each multiple is equally likely.
 *
 * <p>Put it on a field, a constructor parameter or a method parameter of a trainable. The
 * hyperparameter is named after the member (compile with {@code -parameters} for parameter names)
 * unless {@link #name()} says otherwise. A field must be neither static nor final.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface QRandInt {
    long lower();

    long upper();

    /** The step: values are multiples of it; 1, the default, allows every integer. */
    long q() default 1;

    /**
     * The hyperparameter's name in configs, results, tables and reports, when it should not be the
     * member's: {@code "max_depth"} for a field {@code maxDepth}, or {@code "lambda"}, which no Java
     * member can be called. Default: the member's name.
     */
    String name() default "";
}
