package dev.tune.trainable;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Finds and describes the members of a trainable class, superclasses included, in a stable order. */
final class Members {

    private Members() {
    }

    /** Declared fields of {@code type} and its superclasses, superclass fields first. */
    static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy(type)) {
            for (Field field : c.getDeclaredFields()) {
                if (!field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** Methods of {@code type} and its superclasses carrying {@code annotation}, sorted by name. */
    static List<Method> methods(Class<?> type, Class<? extends Annotation> annotation) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c : hierarchy(type)) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isSynthetic() && !method.isBridge() && method.isAnnotationPresent(annotation)) {
                    methods.add(method);
                }
            }
        }
        methods.sort(Comparator.comparing(Method::getName).thenComparing(m -> m.getParameterCount()));
        return methods;
    }

    static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(0, c);
        }
        return classes;
    }

    /** E.g. {@code method step(double, TrialContext)} or {@code constructor Model(double)}. */
    static String describe(Executable executable) {
        String params = Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        return executable instanceof Constructor<?> c
                ? "constructor " + c.getDeclaringClass().getSimpleName() + "(" + params + ")"
                : "method " + executable.getName() + "(" + params + ")";
    }

    static String describe(Field field) {
        return "field '" + field.getName() + "'";
    }

    static String describe(Parameter parameter, int index, Executable owner) {
        String name = parameter.isNamePresent() ? "'" + parameter.getName() + "'" : "#" + index;
        return "parameter " + name + " of " + describe(owner);
    }
}
