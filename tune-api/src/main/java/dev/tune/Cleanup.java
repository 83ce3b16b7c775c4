package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once when a trial ends for any reason (completed, stopped, failed), as Ray's
 * {@code Trainable.cleanup()}. With instance reuse it is called only when the instance is
 * finally discarded. Takes no parameters. An exception is logged and does not fail the trial.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Cleanup {
}
