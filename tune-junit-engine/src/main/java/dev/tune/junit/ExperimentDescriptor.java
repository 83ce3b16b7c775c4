package dev.tune.junit;

import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One experiment: a container whose trials are registered as tests while it runs, as Jupiter's
 * test-template container registers its invocations. It holds either the experiment or the
 * {@link InvalidTrainableException} that reading it raised, so an invalid trainable appears in
 * the tree and fails with its message instead of vanishing. When a unique id selected one trial,
 * only that trial runs again.
 */
final class ExperimentDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "experiment";

    private final Class<?> type;
    private final Method method;
    private final Experiment experiment;
    private final InvalidTrainableException invalid;
    private Integer rerunTrial;

    private ExperimentDescriptor(UniqueId id, String name, TestSource source, Class<?> type, Method method,
            Experiment experiment, InvalidTrainableException invalid) {
        super(id, name, source);
        this.type = type;
        this.method = method;
        this.experiment = experiment;
        this.invalid = invalid;
    }

    static ExperimentDescriptor of(UniqueId parent, Experiment experiment) {
        Method method = experiment.method().orElse(null);
        return new ExperimentDescriptor(parent.append(SEGMENT, key(experiment.type(), method)), experiment.name(),
                source(experiment.type(), method), experiment.type(), method, experiment, null);
    }

    static ExperimentDescriptor invalid(UniqueId parent, Class<?> type, Method method, InvalidTrainableException e) {
        String name = method == null ? type.getSimpleName() : type.getSimpleName() + "." + method.getName();
        return new ExperimentDescriptor(parent.append(SEGMENT, key(type, method)), name, source(type, method), type,
                method, null, e);
    }

    /** The unique-id value of an experiment: the class name, or {@code Class#method}. */
    static String key(Class<?> type, Method method) {
        return method == null ? type.getName() : type.getName() + "#" + method.getName();
    }

    private static TestSource source(Class<?> type, Method method) {
        return method == null ? ClassSource.from(type) : MethodSource.from(type, method);
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public boolean mayRegisterTests() {
        return true;
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = new LinkedHashSet<>();
        Tags.read(type, tags);
        if (method != null) {
            Tags.read(method, tags);
        }
        return tags;
    }

    Optional<Experiment> experiment() {
        return Optional.ofNullable(experiment);
    }

    Optional<InvalidTrainableException> invalid() {
        return Optional.ofNullable(invalid);
    }

    Class<?> type() {
        return type;
    }

    AnnotatedElement element() {
        return method != null ? method : type;
    }

    /** Runs only trial {@code number} again, with its recorded config. */
    void rerunOnly(int number) {
        rerunTrial = number;
    }

    OptionalInt rerunTrial() {
        return rerunTrial == null ? OptionalInt.empty() : OptionalInt.of(rerunTrial);
    }
}
