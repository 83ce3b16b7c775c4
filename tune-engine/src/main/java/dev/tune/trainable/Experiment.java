package dev.tune.trainable;

import dev.tune.options.TuneOptions;
import dev.tune.space.Space;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * One experiment as read from a user's annotated class or method: its name, its search space, the
 * settings its annotations give, and how to run one trial of it. Valid by construction: reading
 * fails with an {@link InvalidTrainableException} instead of producing a broken experiment.
 */
public final class Experiment {

    private final String name;
    private final Class<?> type;
    private final Method method;
    private final Space space;
    private final TuneOptions options;
    private final TrialBody body;
    private final boolean resettable;

    Experiment(String name, Class<?> type, Method method, Space space, TuneOptions options, TrialBody body,
            boolean resettable) {
        this.name = name;
        this.type = type;
        this.method = method;
        this.space = space;
        this.options = options;
        this.body = body;
        this.resettable = resettable;
    }

    /** Reads every experiment that {@code type} declares: the class itself and each {@code @Trainable} method. */
    public static List<Experiment> of(Class<?> type) {
        return TrainableReader.read(type);
    }

    /**
     * Reads the experiment that a {@code @Trainable} class declares (Class API), ignoring its {@code @Trainable}
     * methods.
     */
    public static Experiment ofClass(Class<?> type) {
        return TrainableReader.readClass(type);
    }

    /** Reads the experiment that a {@code @Trainable} method declares. */
    public static Experiment of(Method method) {
        return TrainableReader.readMethod(method);
    }

    /** The name given by {@code @Trainable(name)}, else the simple class name or {@code Class.method}. */
    public String name() {
        return name;
    }

    /** The class that declares the trainable. */
    public Class<?> type() {
        return type;
    }

    /** The method, for a Function API trainable. */
    public Optional<Method> method() {
        return Optional.ofNullable(method);
    }

    /** The trainable as a person names it: {@code com.acme.Model} or {@code com.acme.Model#train}. */
    public String trainable() {
        return method == null ? type.getName() : type.getName() + "#" + method.getName();
    }

    public Space space() {
        return space;
    }

    /**
     * The settings from the annotations ({@code @Trainable}, {@code @Seed}, {@code @Resources}, {@code @Stop},
     * {@code @StopWhen}).
     */
    public TuneOptions options() {
        return options;
    }

    /** How one trial runs. */
    public TrialBody body() {
        return body;
    }

    /** True when the class declares a {@code @Reset} member, so instances can be reused across trials. */
    public boolean isResettable() {
        return resettable;
    }

    /** False for a class trainable without checkpoint members: its state lives only in its instance. */
    public boolean canCheckpoint() {
        return !(body instanceof ClassTrainable trainable) || trainable.checkpointable();
    }

    /** True when a checkpoint can be asked for after any step: a class trainable with checkpoint members. */
    public boolean savesOnRequest() {
        return body instanceof ClassTrainable trainable && trainable.checkpointable();
    }

    @Override
    public String toString() {
        return "Experiment[" + name + ", " + trainable() + ", space=" + space + "]";
    }
}
