package dev.tune.trainable;

import dev.tune.Cleanup;
import dev.tune.Config;
import dev.tune.Param;
import dev.tune.Reset;
import dev.tune.Setup;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads annotated classes and methods into {@link Experiment}s, checking everything that can be
 * checked before a trial runs, and failing with an {@link InvalidTrainableException} that names
 * the class, member and annotation at fault.
 */
final class TrainableReader {

    private TrainableReader() {
    }

    static List<Experiment> read(Class<?> type) {
        List<Experiment> experiments = new ArrayList<>();
        if (type.isAnnotationPresent(Trainable.class)) {
            experiments.add(readClass(type));
        }
        for (Method method : Members.methods(type, Trainable.class)) {
            experiments.add(readMethod(method));
        }
        if (experiments.isEmpty()) {
            throw new InvalidTrainableException(type, null, Trainable.class, "it has no @Trainable class or method",
                    "annotate the class (with a @Step method) or a method that runs a whole trial");
        }
        return experiments;
    }

    static Experiment readClass(Class<?> type) {
        checkInstantiable(type, null);
        SpaceCollector space = new SpaceCollector(type);
        Instantiator instantiator = instantiator(type, space);
        List<Method> steps = Members.methods(type, Step.class);
        if (steps.isEmpty()) {
            throw new InvalidTrainableException(type, null, Trainable.class,
                    "the class is @Trainable but has no @Step method",
                    "add a method annotated @Step that runs one training iteration and returns its metrics, "
                            + "or move @Trainable to a method that runs a whole trial");
        }
        Invokable step = invokable(type, only(type, steps, Step.class), space, true);
        Invokable setup = optional(type, Setup.class, space);
        Invokable cleanup = optional(type, Cleanup.class, space);
        Invokable reset = optional(type, Reset.class, space);
        CheckpointState checkpoints = CheckpointState.of(type);
        space.addProgrammatic();
        String name = name(type.getAnnotation(Trainable.class), type.getSimpleName());
        return new Experiment(name, type, null, space.build(),
                AnnotationOptions.read(type, type, null),
                new ClassTrainable(instantiator, step, setup, cleanup, reset, checkpoints), reset != null);
    }

    static Experiment readMethod(Method method) {
        Class<?> type = method.getDeclaringClass();
        String member = Members.describe(method);
        if (!method.isAnnotationPresent(Trainable.class)) {
            throw new InvalidTrainableException(type, member, Trainable.class, "the method is not annotated",
                    "annotate it with @Trainable");
        }
        SpaceCollector space = new SpaceCollector(type);
        Instantiator instantiator = null;
        if (!Modifier.isStatic(method.getModifiers())) {
            checkInstantiable(type, member);
            instantiator = instantiator(type, space);
        }
        Invokable function = invokable(type, method, space, true);
        space.addProgrammatic();
        String name = name(method.getAnnotation(Trainable.class), type.getSimpleName() + "." + method.getName());
        return new Experiment(name, type, method, space.build(), AnnotationOptions.read(type, method, member),
                new FunctionTrainable(instantiator, function), false);
    }

    private static String name(Trainable trainable, String fallback) {
        return trainable.name().isEmpty() ? fallback : trainable.name();
    }

    private static void checkInstantiable(Class<?> type, String member) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new InvalidTrainableException(type, member, Trainable.class, "it is abstract or an interface",
                    "annotate a concrete class, or make the method static");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new InvalidTrainableException(type, member, Trainable.class,
                    "it is an inner class that needs an enclosing instance", "make the nested class static");
        }
    }

    private static Instantiator instantiator(Class<?> type, SpaceCollector space) {
        List<Instantiator.FieldInjection> fields = new ArrayList<>();
        for (Field field : Members.fields(type)) {
            String member = Members.describe(field);
            Binding binding = space.bind(field, field.getName(), true, field.getType(), member);
            if (binding == null || binding instanceof Binding.Context || binding instanceof Binding.WholeConfig) {
                continue;
            }
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                throw new InvalidTrainableException(type, member, annotationOn(field), "the field is "
                        + (Modifier.isStatic(field.getModifiers()) ? "static" : "final"),
                        "make it a non-static, non-final field, or annotate a constructor parameter instead");
            }
            try {
                field.setAccessible(true);
                fields.add(new Instantiator.FieldInjection(MethodHandles.lookup().unreflectSetter(field), binding,
                        member));
            } catch (IllegalAccessException | RuntimeException e) {
                throw new InvalidTrainableException(type, member, annotationOn(field),
                        "tune cannot set it: " + e.getMessage(),
                        "open the package to tune, or annotate a constructor parameter instead", e);
            }
        }
        return new Instantiator(type, invokable(type, constructor(type), space, false), fields);
    }

    private static Constructor<?> constructor(Class<?> type) {
        Constructor<?>[] all = type.getDeclaredConstructors();
        List<Constructor<?>> annotated = Arrays.stream(all).filter(TrainableReader::hasBoundParameter).toList();
        if (annotated.size() > 1) {
            throw new InvalidTrainableException(type, Members.describe(annotated.get(1)), Trainable.class,
                    "several constructors take hyperparameters", "annotate the parameters of one constructor only");
        }
        if (annotated.size() == 1) {
            return annotated.get(0);
        }
        for (Constructor<?> c : all) {
            if (c.getParameterCount() == 0) {
                return c;
            }
        }
        throw new InvalidTrainableException(type, all.length == 1 ? Members.describe(all[0]) : null, Trainable.class,
                "tune cannot call any constructor: each takes parameters without a hyperparameter annotation",
                "annotate the parameters of one constructor with a domain annotation or @Param, "
                        + "declare them as Config or TrialContext, or add a no-arg constructor (any visibility)");
    }

    private static boolean hasBoundParameter(Constructor<?> c) {
        for (Parameter p : c.getParameters()) {
            if (!DomainAnnotations.on(p).isEmpty() || p.isAnnotationPresent(Param.class)
                    || p.getType() == Config.class || p.getType() == TrialContext.class) {
                return true;
            }
        }
        return false;
    }

    private static Invokable optional(Class<?> type, Class<? extends Annotation> kind, SpaceCollector space) {
        List<Method> methods = Members.methods(type, kind);
        if (methods.isEmpty()) {
            return null;
        }
        Method method = only(type, methods, kind);
        if (kind == Cleanup.class && method.getParameterCount() > 0) {
            throw new InvalidTrainableException(type, Members.describe(method), kind, "it takes parameters",
                    "remove them: clean-up runs when no trial is current");
        }
        if (kind == Reset.class && method.getReturnType() != void.class && method.getReturnType() != boolean.class
                && method.getReturnType() != Boolean.class) {
            throw new InvalidTrainableException(type, Members.describe(method), kind, "it returns "
                    + method.getReturnType().getSimpleName(),
                    "return void, or boolean to say whether the reset worked");
        }
        return invokable(type, method, space, true);
    }

    private static Method only(Class<?> type, List<Method> methods, Class<? extends Annotation> kind) {
        if (methods.size() > 1) {
            throw new InvalidTrainableException(type, Members.describe(methods.get(1)), kind, "@" + kind.getSimpleName()
                    + " is on " + methods.size() + " methods", "keep it on one method");
        }
        Method method = methods.get(0);
        if (Modifier.isStatic(method.getModifiers()) && kind != Trainable.class) {
            throw new InvalidTrainableException(type, Members.describe(method), kind, "the method is static",
                    "make it an instance method");
        }
        return method;
    }

    private static Invokable invokable(Class<?> type, Executable executable, SpaceCollector space, boolean method) {
        Parameter[] parameters = executable.getParameters();
        Binding[] bindings = new Binding[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            String member = Members.describe(p, i, executable);
            bindings[i] = space.bind(p, p.getName(), p.isNamePresent(), p.getType(), member);
            if (bindings[i] == null) {
                Class<? extends Annotation> at = method ? annotationOf(executable) : Trainable.class;
                throw new InvalidTrainableException(type, member, at, "tune cannot supply a "
                        + p.getType().getSimpleName() + " here", "annotate the parameter with a domain annotation "
                        + "(@Uniform, @Choice, ...) or @Param, or declare it as Config or TrialContext");
            }
        }
        return Invokable.of(executable, bindings);
    }

    private static Class<? extends Annotation> annotationOf(Executable executable) {
        for (Class<? extends Annotation> kind : List.of(Step.class, Setup.class, Reset.class, Cleanup.class)) {
            if (executable.isAnnotationPresent(kind)) {
                return kind;
            }
        }
        return Trainable.class;
    }

    private static Class<? extends Annotation> annotationOn(Field field) {
        List<Annotation> found = DomainAnnotations.on(field);
        return found.isEmpty() ? Param.class : found.get(0).annotationType();
    }
}
