package dev.tune.options;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Builds what an option names by class, where code cannot be given: in an annotation
 * ({@code @Trainable(callbacks = MyCallback.class)}), as {@code -Dtune.callbacks=com.acme.MyCallback},
 * in the POM or as a JUnit configuration parameter. The class is public, concrete, implements what
 * the option takes, and has a public constructor that takes the experiment's {@link TuneOptions}
 * (preferred, so it can read them) or none. Classes come from the thread's context class loader:
 * the project's class path under Maven and the JUnit engine.
 */
public final class ByClass {

    private ByClass() {
    }

    /**
     * True when {@code spec}, the text of {@code tune.searcher} or {@code tune.scheduler}, names a
     * class: a dotted name without parameters. tune's own names ({@code tpe}, {@code asha(maxT=9)})
     * have no dot outside their parameters.
     */
    public static boolean isClassName(String spec) {
        String text = spec.trim();
        return text.contains(".") && !text.contains("(");
    }

    /** What is wrong with {@code type} as a {@code kind}, in words; empty when nothing is. */
    public static Optional<String> problem(Class<?> type, Class<?> kind) {
        if (!kind.isAssignableFrom(type)) {
            return Optional.of(type.getName() + " does not implement " + kind.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of(type.getName() + " is abstract; name a concrete class");
        }
        if (!Modifier.isPublic(type.getModifiers())
                || type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of(type.getName() + " must be a public top-level or public static nested class");
        }
        if (constructor(type).isEmpty()) {
            return Optional.of(type.getName() + " needs a public constructor that takes "
                    + TuneOptions.class.getSimpleName() + " (the experiment's options) or none");
        }
        return Optional.empty();
    }

    /** A new {@code kind} of class {@code className}, built with {@code options}; {@code what} names the option. */
    public static <T> T create(String className, Class<T> kind, String what, TuneOptions options) {
        return create(load(className, kind, what), kind, what, options);
    }

    /** A new {@code kind} of class {@code type}, built with {@code options}; {@code what} names the option. */
    public static <T> T create(Class<?> type, Class<T> kind, String what, TuneOptions options) {
        Optional<String> problem = problem(type, kind);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(what + ": " + problem.get());
        }
        Constructor<?> constructor = constructor(type).orElseThrow();
        try {
            Object made = constructor.getParameterCount() == 1 ? constructor.newInstance(options)
                    : constructor.newInstance();
            return kind.cast(made);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(what + ": creating " + type.getName() + " failed: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(what + ": cannot create " + type.getName() + ": " + e, e);
        }
    }

    /** The class named {@code className}, from the context class loader; a clear error when there is none. */
    public static Class<?> load(String className, Class<?> kind, String what) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className.trim(), false, context != null ? context : ByClass.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(what + ": no class " + className.trim() + " on the class path; name"
                    + " a class that implements " + kind.getName() + " by its fully qualified name", e);
        }
    }

    private static Optional<Constructor<?>> constructor(Class<?> type) {
        try {
            return Optional.of(type.getConstructor(TuneOptions.class));
        } catch (NoSuchMethodException e) {
            try {
                return Optional.of(type.getConstructor());
            } catch (NoSuchMethodException none) {
                return Optional.empty();
            }
        }
    }
}
