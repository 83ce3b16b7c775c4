package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once per trial, after the instance is created and its hyperparameter fields are set, and
 * before the first {@link Step @Step}, as Ray's {@code Trainable.setup(config)}. Parameters may be
 * {@link Config}, {@link TrialContext}, or annotated hyperparameters. An exception fails the trial.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Setup {
}
