package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;

/**
 * State that survives a trial's restart: Ray's {@code save_checkpoint} and {@code load_checkpoint}
 * for a class {@link Trainable}.
 *
 * <p><b>On fields</b>, for existing model classes: every field marked {@code @Checkpoint} is
 * written as JSON (with Jackson, typed by the field's declared type, never with Java
 * serialization) into each checkpoint and read back on restore, so a class needs no checkpoint
 * code at all. Use it for plain data: numbers, arrays, collections, records, beans.
 *
 * <p><b>On methods</b>, for state that is not a field Jackson can write (a native model, bytes in
 * its own format): a {@link Save} method writes into the directory it is given, a {@link Load}
 * method reads from it. Each is one instance method taking one {@link Path} (the
 * checkpoint's directory, which exists and belongs to this checkpoint), of any visibility and
 * return type, that may throw; a class declares both or neither. {@code Load} runs on a new
 * instance after {@link Setup @Setup}. Fields and methods combine: fields are written (to
 * {@code state.json} in the same directory, so do not use that name) after {@code Save} runs, and
 * read back before {@code Load} runs.
 *
 * <pre>{@code
 * @Checkpoint.Save
 * void save(Path dir) throws IOException, XGBoostError {
 *     Files.write(dir.resolve("model.bin"), booster.toByteArray());
 * }
 *
 * @Checkpoint.Load
 * void load(Path dir) throws IOException, XGBoostError {
 *     booster = XGBoost.loadModel(Files.readAllBytes(dir.resolve("model.bin")));
 * }
 * }</pre>
 *
 * <p>When checkpoints are taken is the experiment's choice ({@link CheckpointConfig}, or
 * {@code tune.checkpoint.frequency}, {@code tune.checkpoint.atEnd}, {@code tune.checkpoint.keep},
 * {@code tune.checkpoint.score}); by default none is, unless a scheduler such as PBT asks for one. A
 * trial that fails restarts from its latest checkpoint up to {@code tune.maxFailures} times, and a
 * resumed experiment continues its unfinished trials from theirs.
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
