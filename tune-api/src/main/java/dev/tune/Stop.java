package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When trials and the experiment stop, as Ray's {@code stop} and {@code time_budget_s}.
 * A trial stopped by these limits ends as {@code TERMINATED}, never as an error. Every attribute
 * left at {@code -1} is not set. Overridden by {@code tune.stop.maxIterations},
 * {@code tune.stop.trialTime} (e.g. {@code 90s}) and {@code tune.timeBudget}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Stop {
    /** Stop a trial after this many iterations (Ray's {@code training_iteration}). */
    long maxIterations() default -1;

    /** Stop a trial once its total training time reaches this many seconds (Ray's {@code time_total_s}). */
    double trialSeconds() default -1;

    /** Stop the whole experiment after this many seconds (Ray's {@code time_budget_s}). */
    double timeBudgetSeconds() default -1;

    /**
     * Stoppers by class (Ray's {@code Stopper}): each implements {@code dev.tune.stop.Stopper} and
     * has a public constructor that takes the experiment's {@code TuneOptions}, or none. Added to
     * those {@code tune.stop.stoppers} names.
     */
    Class<?>[] stoppers() default {};
}
