package dev.tune.trainable;

import dev.tune.Config;
import dev.tune.TrialContext;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Class API trainable: an instance per trial (or reused through its reset member), set-up once,
 * then one step per iteration until the runner, a stop condition or the step itself ends it.
 */
final class ClassTrainable implements TrialBody {

    private static final Logger LOG = LoggerFactory.getLogger(ClassTrainable.class);

    private final Instantiator instantiator;
    private final Invokable step;
    private final Invokable setup;
    private final Invokable cleanup;
    private final Invokable reset;
    private final CheckpointState checkpoints;

    ClassTrainable(Instantiator instantiator, Invokable step, Invokable setup, Invokable cleanup, Invokable reset,
            CheckpointState checkpoints) {
        this.instantiator = instantiator;
        this.step = step;
        this.setup = setup;
        this.cleanup = cleanup;
        this.reset = reset;
        this.checkpoints = checkpoints;
    }

    boolean canReset() {
        return reset != null;
    }

    @Override
    public void run(TrialSession session) throws Throwable {
        Config config = session.config();
        TrialContext context = session.context();
        Object instance = session.takePaused();
        if (instance == null) {
            instance = reused(session);
            if (instance == null) {
                instance = instantiator.create(config, context);
                if (setup != null) {
                    setup.invoke(instance, config, context);
                }
            }
            if (session.restoreFrom().isPresent() && !checkpoints.isEmpty()) {
                checkpoints.load(instance, session.restoreFrom().get());
            }
        }
        boolean clean = false;
        try {
            boolean more = true;
            while (more) {
                Metrics metrics = Metrics.of(step.invoke(instance, config, context), session.numberMetric());
                more = session.report(metrics.values(), metrics.done()) && !metrics.done();
                if (!checkpoints.isEmpty()) {
                    var dir = session.checkpointDue(!more);
                    if (dir.isPresent()) {
                        checkpoints.save(instance, dir.get());
                        session.checkpointSaved(dir.get());
                    }
                }
            }
            clean = true;
        } finally {
            if (clean && session.pausing()) {
                if (checkpoints.isEmpty()) {
                    session.keepPaused(instance);
                } else {
                    discard(instance);
                }
            } else if (!(clean && reset != null && session.keepForReuse(instance))) {
                discard(instance);
            }
        }
    }

    private Object reused(TrialSession session) throws Throwable {
        Object instance = session.takeReusable();
        if (instance == null) {
            return null;
        }
        instantiator.injectFields(instance, session.config(), session.context());
        Object answer = reset.invoke(instance, session.config(), session.context());
        if (Boolean.FALSE.equals(answer)) {
            discard(instance);
            return null;
        }
        return instance;
    }

    // --- the pieces SaveRestoreCheck drives one at a time ---

    boolean checkpointable() {
        return !checkpoints.isEmpty();
    }

    Object prepare(TrialContext context) throws Throwable {
        Object instance = instantiator.create(context.config(), context);
        if (setup != null) {
            setup.invoke(instance, context.config(), context);
        }
        return instance;
    }

    Map<String, Double> stepOnce(Object instance, TrialContext context) throws Throwable {
        Metrics metrics = Metrics.of(step.invoke(instance, context.config(), context), "score");
        SaveRestoreCheck.advance(context);
        return metrics.values();
    }

    void save(Object instance, Path dir) throws Throwable {
        checkpoints.save(instance, dir);
    }

    void load(Object instance, Path dir) throws Throwable {
        checkpoints.load(instance, dir);
    }

    @Override
    public void discard(Object instance) {
        if (cleanup == null) {
            return;
        }
        try {
            cleanup.invoke(instance, Config.empty(), null);
        } catch (Throwable e) {
            LOG.warn("@Cleanup {} of {} failed", cleanup.description(), instance.getClass().getName(), e);
        }
    }
}
