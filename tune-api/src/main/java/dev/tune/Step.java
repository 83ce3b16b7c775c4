package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One training iteration of a class {@link Trainable}, as Ray's {@code Trainable.step()}.
 *
 * <p>tune calls it repeatedly on the same instance until a stop condition, a scheduler or the
 * step itself ends the trial. Each call is one iteration; what it returns becomes that
 * iteration's metrics:
 * <ul>
 *   <li>a {@code Map<String, ?>}: every numeric value is a metric;</li>
 *   <li>a record or bean: every numeric component or getter is a metric;</li>
 *   <li>a single number: the value of the experiment's metric (or of {@code objective} when
 *       the experiment names none);</li>
 *   <li>{@code void}: an iteration with no metrics.</li>
 * </ul>
 * A {@code Map} entry {@code "done" -> true}, or a {@code boolean done} property, ends the trial
 * after this iteration as Ray's {@code done} does. Parameters may be {@link TrialContext},
 * {@link Config}, or hyperparameters annotated with a domain or {@link Param @Param}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Step {
}
