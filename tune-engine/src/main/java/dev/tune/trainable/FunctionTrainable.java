package dev.tune.trainable;

import dev.tune.StopTrialException;

/**
 * A Function API trainable: one call is the whole trial. Intermediate results arrive through the
 * {@link dev.tune.TrialContext}; a returned value is the trial's final result. An instance method
 * gets a fresh instance of its class per trial.
 */
final class FunctionTrainable implements TrialBody {

    private final Instantiator instantiator;
    private final Invokable function;

    FunctionTrainable(Instantiator instantiator, Invokable function) {
        this.instantiator = instantiator;
        this.function = function;
    }

    @Override
    public void run(TrialSession session) throws Throwable {
        Object target = instantiator == null ? null : instantiator.create(session.config(), session.context());
        Object returned;
        try {
            returned = function.invoke(target, session.config(), session.context());
        } catch (StopTrialException stopped) {
            return;
        }
        Metrics metrics = Metrics.of(returned, session.numberMetric());
        if (!metrics.values().isEmpty() || metrics.done()) {
            session.report(metrics.values(), true);
        }
    }

    @Override
    public void discard(Object instance) {
    }
}
