package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stops a trial once a reported metric reaches a threshold, as a Ray {@code stop} dict entry
 * ({@code {"mean_accuracy": 0.98}} stops when {@code mean_accuracy >= 0.98}). Set exactly one of
 * {@link #atLeast()} or {@link #atMost()}. Repeat the annotation for several thresholds: the first
 * one reached stops the trial. Overridden (all together) by {@code tune.stop.when}, written as
 * {@code accuracy>=0.98,loss<=0.1}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(StopWhen.List.class)
public @interface StopWhen {
    /** The metric's name. */
    String metric();

    /** Stop when the metric is at least this value. */
    double atLeast() default Double.NaN;

    /** Stop when the metric is at most this value. */
    double atMost() default Double.NaN;

    /** Holds repeated {@link StopWhen} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        StopWhen[] value();
    }
}
