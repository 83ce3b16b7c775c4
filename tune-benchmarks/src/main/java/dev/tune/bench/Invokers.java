package dev.tune.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatchers;

/** The two ways {@link InvokerBenchmark} compares of turning a {@link Method} into a generic call. */
final class Invokers {

    private Invokers() {
    }

    /**
     * A handle of type {@code (Object, Object[])Object}, adapted as the engine's
     * {@code dev.tune.trainable.Invokable} does: unreflect, ignore the target of a static method,
     * box and cast through {@code genericMethodType}, spread the array.
     */
    static MethodHandle spreadHandle(Method method) throws IllegalAccessException {
        MethodHandle direct = MethodHandles.lookup().unreflect(method);
        if (Modifier.isStatic(method.getModifiers())) {
            direct = MethodHandles.dropArguments(direct, 0, Object.class);
        }
        int count = method.getParameterCount();
        return direct.asType(MethodType.genericMethodType(count + 1))
                .asSpreader(1, Object[].class, count)
                .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
    }

    /**
     * A class generated with ByteBuddy whose {@code invoke} is, in bytecode, what one would write by
     * hand: {@code return Double.valueOf(((StepModel) target).step((Double) args[0], (Integer) args[1]));}
     * The dynamic-typing assigner inserts the casts, unboxing and boxing.
     */
    static Invoker generated(Method method) throws ReflectiveOperationException {
        MethodCall.WithoutSpecifiedTarget call = MethodCall.invoke(method);
        MethodCall onTarget = Modifier.isStatic(method.getModifiers()) ? call : call.onArgument(0);
        Implementation withArguments = onTarget.withArgumentArrayElements(1, method.getParameterCount())
                .withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC);
        Class<? extends Invoker> type = new ByteBuddy()
                .subclass(Invoker.class)
                .method(ElementMatchers.named("invoke"))
                .intercept(withArguments)
                .make()
                .load(Invoker.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        return type.getDeclaredConstructor().newInstance();
    }
}
