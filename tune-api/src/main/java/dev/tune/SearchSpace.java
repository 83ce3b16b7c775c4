package dev.tune;

import dev.tune.space.Space;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares hyperparameters in code: a static no-arg method, or a static field, of the trainable's
 * class whose value is a {@link Space}, built with {@link Space#builder()}.
 *
 * <p>Use it for what annotations cannot say: nested names ({@code optimizer.lr}), values computed
 * from other sampled values (Ray's {@code sample_from}), or spaces shared between trainables. It
 * combines with domain annotations; a name declared by both is an error. Trainable members read
 * programmatic values through {@link Param @Param} or {@link Config}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface SearchSpace {
}
