package dev.tune.trainable;

import dev.tune.Config;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Creates a trainable's instance for a trial: calls the chosen constructor with its bound values,
 * then sets every hyperparameter field.
 */
final class Instantiator {

    /** One field set per trial. */
    record FieldInjection(MethodHandle setter, Binding binding, String member) {
    }

    private final Class<?> type;
    private final Invokable constructor;
    private final List<FieldInjection> fields;

    Instantiator(Class<?> type, Invokable constructor, List<FieldInjection> fields) {
        this.type = type;
        this.constructor = constructor;
        this.fields = List.copyOf(fields);
    }

    Object create(Config config, TrialContext context) throws Throwable {
        Object[] args = constructor.arguments(config, context);
        Object instance;
        try {
            instance = constructor.invokeWith(null, args);
        } catch (Throwable thrown) {
            throw new InvalidTrainableException(type, constructor.description(), Trainable.class,
                    "the constructor threw " + thrown + " for config " + config,
                    "make it succeed for every config of the search space, or move the failing work to a @Setup method",
                    thrown);
        }
        injectFields(instance, config, context);
        return instance;
    }

    void injectFields(Object instance, Config config, TrialContext context) throws Throwable {
        for (FieldInjection field : fields) {
            field.setter().invoke(instance, field.binding().value(config, context));
        }
    }
}
