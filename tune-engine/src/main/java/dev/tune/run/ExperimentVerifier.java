package dev.tune.run;

import dev.tune.Verify;
import dev.tune.result.ExperimentResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Calls a trainable class's {@link Verify @Verify} methods with the experiment's result, so the
 * JUnit engine and the Maven plugin gate on tuning quality the same way. A verification failure
 * propagates as thrown; a badly declared {@code @Verify} method is an {@link IllegalStateException}
 * naming the class and method.
 */
public final class ExperimentVerifier {

    private ExperimentVerifier() {
    }

    /** Calls every {@code @Verify} method of {@code type} and its superclasses, superclasses first. */
    public static void verify(Class<?> type, ExperimentResult result) throws Throwable {
        for (Method method : verifyMethods(type)) {
            if (method.getParameterCount() != 1
                    || !method.getParameterTypes()[0].isAssignableFrom(ExperimentResult.class)) {
                throw new IllegalStateException("Invalid trainable " + type.getName() + ", method " + method.getName()
                        + " (@Verify): it must take exactly one parameter of type " + ExperimentResult.class.getName());
            }
            Object target = Modifier.isStatic(method.getModifiers()) ? null : instance(type, method);
            method.setAccessible(true);
            try {
                method.invoke(target, result);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    static List<Method> verifyMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Method> own = new ArrayList<>();
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Verify.class) && !method.isSynthetic()) {
                    own.add(method);
                }
            }
            own.sort(Comparator.comparing(Method::getName));
            methods.addAll(0, own);
        }
        return methods;
    }

    private static Object instance(Class<?> type, Method method) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Invalid trainable " + type.getName() + ", method " + method.getName()
                    + " (@Verify): an instance method needs a no-arg constructor; make the method static", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + " to call @Verify " + method.getName(),
                    e);
        }
    }
}
