package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets tune reuse an instance for the next trial instead of creating a new one, as Ray's
 * {@code reset_config(new_config)} with {@code reuse_actors=True}.
 *
 * <p>When reuse is on (the default for a class that declares this member; turn it off with
 * {@code tune.reuseActors=false}), tune sets the instance's hyperparameter fields to the new
 * trial's values and then calls this method, which should reset any other state. Parameters may
 * be {@link Config}, {@link TrialContext}, or annotated hyperparameters. Returning
 * {@code false} (from a {@code boolean} method) says the reset failed: tune then discards the
 * instance and creates a new one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Reset {
}
