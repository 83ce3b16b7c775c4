package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What happens when a trial throws, as Ray's {@code FailureConfig}: declared on the trainable, so
 * an experiment that needs retries carries them wherever it runs ({@code tune:run}, the JUnit
 * engine, {@code Tuner}). A failed trial restarts from its latest checkpoint (see
 * {@link CheckpointConfig}), or from scratch when it has none. Overridden by
 * {@code tune.maxFailures} and {@code tune.failFast}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FailureConfig {

    /** Retry a failed trial this many times (Ray's {@code max_failures}); {@code -1} without limit. */
    int maxFailures() default 0;

    /** End the whole experiment at the first trial error (Ray's {@code fail_fast}). */
    boolean failFast() default false;
}
