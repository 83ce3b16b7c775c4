package dev.tune.maven;

import dev.tune.Trainable;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A selected trainable class that the tuner cannot read, with the name its failing experiment
 * would have, so the build failure reads like every other: {@code Experiment <name>: <why>}.
 *
 * @param name the experiment's name: {@code @Trainable(name)}, else the simple class name or {@code Class.method}
 * @param error the tuner's message naming the class, member, annotation and fix
 */
record InvalidTrainable(String name, InvalidTrainableException error) {

    /** {@code type}'s problem, named after its first experiment that cannot be read. */
    static InvalidTrainable of(Class<?> type, InvalidTrainableException error) {
        return new InvalidTrainable(failingName(type), error);
    }

    /** {@code Experiment <name>: Invalid trainable ...}, the line the build fails with. */
    String message() {
        return "Experiment " + name + ": " + error.getMessage();
    }

    /** Reads the class, then each {@code @Trainable} method, as the tuner does, until one fails. */
    private static String failingName(Class<?> type) {
        Trainable onClass = type.getAnnotation(Trainable.class);
        if (onClass != null && !readable(() -> Experiment.ofClass(type))) {
            return name(onClass, type.getSimpleName());
        }
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Trainable.class) && !method.isSynthetic() && !method.isBridge()) {
                    methods.add(method);
                }
            }
        }
        methods.sort(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
        for (Method method : methods) {
            if (!readable(() -> Experiment.of(method))) {
                return name(method.getAnnotation(Trainable.class),
                        method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        }
        return onClass == null ? type.getSimpleName() : name(onClass, type.getSimpleName());
    }

    private static boolean readable(Runnable read) {
        try {
            read.run();
            return true;
        } catch (InvalidTrainableException e) {
            return false;
        }
    }

    private static String name(Trainable trainable, String fallback) {
        return trainable.name().isEmpty() ? fallback : trainable.name();
    }
}
