package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * State that survives a trial's restart: Ray's {@code save_checkpoint} and {@code load_checkpoint}
 * for a class {@link Trainable}.
 *
 * <p><b>On fields</b>, for existing model classes: every field marked {@code @Checkpoint} is
 * written as JSON (with Jackson, typed by the field's declared type, never with Java
 * serialization) into each checkpoint and read back on restore, so a class needs no checkpoint
 * code at all. Use it for plain data: numbers, arrays, collections, records, beans.
 *
 * <p><b>On methods</b>, for state that needs its own format: a {@link Save} method writes into the
 * directory it is given, a {@link Load} method reads from it. Both take one {@code java.nio.file.Path}.
 * Fields and methods combine: fields are captured after {@code Save} runs and restored before
 * {@code Load} runs.
 *
 * <p>When checkpoints are taken is the experiment's choice ({@code tune.checkpoint.frequency},
 * {@code tune.checkpoint.atEnd}, {@code tune.checkpoint.keep}, {@code tune.checkpoint.score}); a
 * trial that fails restarts from its latest checkpoint up to {@code tune.maxFailures} times.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Checkpoint {

    /** Writes the trainable's state into the given directory (Ray's {@code save_checkpoint}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Save {
    }

    /** Restores the trainable's state from the given directory (Ray's {@code load_checkpoint}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Load {
    }
}
