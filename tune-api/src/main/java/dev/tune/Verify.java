package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checks an experiment's outcome, so a build can gate on tuning quality: a method of the
 * trainable's class that takes the experiment's result ({@code dev.tune.result.ExperimentResult})
 * and throws (an {@link AssertionError}, or any exception) when the outcome is not good enough.
 *
 * <pre>{@code
 * @Verify
 * static void accurateEnough(ExperimentResult result) {
 *     double best = result.bestTrial().orElseThrow().lastResult().orElseThrow().metric("accuracy");
 *     if (best < 0.9) throw new AssertionError("best accuracy " + best + " is below 0.9");
 * }
 * }</pre>
 *
 * The JUnit engine and {@code tune:run} call it after the experiment's last trial; a failure fails
 * the experiment's container, or the build. It may be static, or an instance method of a class
 * with a no-arg constructor. In the JUnit engine it runs only in full tuning mode: a smoke run's
 * single short trial says nothing about quality.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Verify {
}
