package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the search reproducible: the same seed gives the same sequence of trial configurations,
 * whatever the number of parallel trials. Without it, each run draws a new seed and records it in
 * the results. Overridden by {@code tune.seed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Seed {
    long value();
}
