package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integer drawn uniformly from {@code [lower, upper)} (upper bound <b>exclusive</b>), as Ray's
 * {@code tune.randint} and Java's {@code Random.nextInt(lower, upper)}: {@code @RandInt(lower = 1,
 * upper = 7)} rolls a die, 1 to 6. For an inclusive upper bound use {@link QRandInt}, whose
 * {@code q} is 1 by default.
 *
 * <p>Put it on a field, a constructor parameter or a method parameter of a trainable. The
 * hyperparameter is named after the member (compile with {@code -parameters} for parameter names)
 * unless {@link #name()} says otherwise. A field must be neither static nor final.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface RandInt {
    long lower();

    long upper();

    /**
     * The hyperparameter's name in configs, results, tables and reports, when it should not be the
     * member's: {@code "max_depth"} for a field {@code maxDepth}, or {@code "lambda"}, which no Java
     * member can be called. Default: the member's name.
     */
    String name() default "";
}
