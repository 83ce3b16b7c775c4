package dev.tune.bench;

/**
 * Calls one user method with arguments already converted to their boxed types: the shape a
 * generated invoker would give the engine. Public because ByteBuddy implements it in a class of
 * its own class loader.
 */
public interface Invoker {

    /** Calls the method on {@code target} (ignored for a static method) with {@code args}; returns its boxed result. */
    Object invoke(Object target, Object[] args);
}
