package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When a trial's {@link Checkpoint} state is saved and which checkpoints are kept, as Ray's
 * {@code CheckpointConfig} and {@code checkpoint_freq}: declared on the trainable, so the policy
 * that its fault tolerance or PBT relies on travels with it. Overridden by
 * {@code tune.checkpoint.frequency}, {@code tune.checkpoint.atEnd}, {@code tune.checkpoint.keep}
 * and {@code tune.checkpoint.score}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CheckpointConfig {

    /** Save a checkpoint every this many iterations (Ray's {@code checkpoint_frequency}); 0 never. */
    int frequency() default 0;

    /** Save a checkpoint when a trial ends (Ray's {@code checkpoint_at_end}). */
    boolean atEnd() default false;

    /** Keep at most this many checkpoints per trial, always the latest (Ray's {@code num_to_keep}); 0 all. */
    int keep() default 0;

    /**
     * Which checkpoints {@link #keep()} keeps: {@code max:accuracy} or {@code min:loss} keeps the
     * best by that metric (Ray's {@code checkpoint_score_attribute} and {@code _order}); empty keeps
     * the most recent.
     */
    String score() default "";
}
