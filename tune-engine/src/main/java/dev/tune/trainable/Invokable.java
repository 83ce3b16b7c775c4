package dev.tune.trainable;

import dev.tune.Config;
import dev.tune.TrialContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A trainable's method or constructor, ready to call with the values its bindings supply. Calls go
 * through a {@link MethodHandle} adapted once to {@code (Object, Object[])Object} and invoked
 * exactly: the JMH benchmark {@code InvokerBenchmark} measured this against ByteBuddy-generated
 * invokers (see docs/performance.md), and private members of existing classes need no opening.
 */
final class Invokable {

    private final String description;
    private final MethodHandle handle;
    private final Binding[] bindings;

    private Invokable(String description, MethodHandle handle, Binding[] bindings) {
        this.description = description;
        this.handle = handle;
        this.bindings = bindings;
    }

    static Invokable of(Executable executable, Binding[] bindings) {
        try {
            executable.setAccessible(true);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle direct;
            if (executable instanceof Method method) {
                direct = lookup.unreflect(method);
                if (Modifier.isStatic(method.getModifiers())) {
                    direct = MethodHandles.dropArguments(direct, 0, Object.class);
                }
            } else {
                direct = MethodHandles.dropArguments(lookup.unreflectConstructor((Constructor<?>) executable), 0,
                        Object.class);
            }
            if (direct.type().returnType() == void.class) {
                direct = MethodHandles.filterReturnValue(direct, MethodHandles.constant(Object.class, null));
            }
            int count = executable.getParameterCount();
            MethodHandle spread = direct.asType(MethodType.genericMethodType(count + 1))
                    .asSpreader(1, Object[].class, count)
                    .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
            return new Invokable(Members.describe(executable), spread, bindings);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("cannot access " + executable + ": " + e.getMessage(), e);
        }
    }

    /**
     * Calls on {@code target} (ignored for static members and constructors) with the values for
     * this trial. Exceptions thrown by user code propagate unchanged.
     */
    Object invoke(Object target, Config config, TrialContext context) throws Throwable {
        return invokeWith(target, arguments(config, context));
    }

    /** The values the bindings supply for this trial; a value that does not convert throws here. */
    Object[] arguments(Config config, TrialContext context) {
        Object[] args = new Object[bindings.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = bindings[i].value(config, context);
        }
        return args;
    }

    /** Calls with arguments computed by {@link #arguments}. */
    Object invokeWith(Object target, Object[] args) throws Throwable {
        return (Object) handle.invokeExact(target, args);
    }

    String description() {
        return description;
    }
}
