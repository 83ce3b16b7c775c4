package dev.tune.run;

import dev.tune.options.Callback;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every {@link Callback} in order; one that throws is logged and skipped, never fatal. */
final class CallbackList implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackList.class);

    private final List<Callback> callbacks;

    CallbackList(List<Callback> callbacks) {
        this.callbacks = List.copyOf(callbacks);
    }

    boolean isEmpty() {
        return callbacks.isEmpty();
    }

    @Override
    public void onTrialStart(Trial trial) {
        each("onTrialStart", c -> c.onTrialStart(trial));
    }

    @Override
    public void onTrialResult(Trial trial, Result result) {
        each("onTrialResult", c -> c.onTrialResult(trial, result));
    }

    @Override
    public void onTrialComplete(Trial trial) {
        each("onTrialComplete", c -> c.onTrialComplete(trial));
    }

    @Override
    public void onTrialError(Trial trial, Throwable failure) {
        each("onTrialError", c -> c.onTrialError(trial, failure));
    }

    @Override
    public void onExperimentEnd(ExperimentResult result) {
        each("onExperimentEnd", c -> c.onExperimentEnd(result));
    }

    private void each(String event, Consumer<Callback> call) {
        for (Callback callback : callbacks) {
            try {
                call.accept(callback);
            } catch (RuntimeException e) {
                LOG.warn("Callback {}.{} failed; the experiment goes on", callback.getClass().getName(), event, e);
            }
        }
    }
}
