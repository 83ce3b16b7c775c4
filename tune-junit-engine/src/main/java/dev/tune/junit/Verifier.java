package dev.tune.junit;

import dev.tune.Verify;
import dev.tune.result.ExperimentResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Calls a trainable class's {@link Verify @Verify} methods with the experiment's result. */
final class Verifier {

    private Verifier() {
    }

    static void verify(Class<?> type, ExperimentResult result) throws Throwable {
        List<Method> methods = ReflectionSupport.findMethods(type, m -> m.isAnnotationPresent(Verify.class),
                HierarchyTraversalMode.TOP_DOWN);
        for (Method method : methods) {
            if (method.getParameterCount() != 1 || !method.getParameterTypes()[0].isAssignableFrom(ExperimentResult.class)) {
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

    private static Object instance(Class<?> type, Method method) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Invalid trainable " + type.getName() + ", method " + method.getName()
                    + " (@Verify): an instance method needs a no-arg constructor; make the method static", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + " to call @Verify " + method.getName(), e);
        }
    }
}
