package dev.tune.junit;

import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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
 * only the selected trials run again.
 */
final class ExperimentDescriptor extends AbstractTestDescriptor {

    private final Class<?> type;
    private final Method method;
    private final Experiment experiment;
    private final InvalidTrainableException invalid;
    private boolean whole;
    private final SortedSet<Integer> selectedTrials = new TreeSet<>();

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
        return new ExperimentDescriptor(parent.append(TuneUniqueId.EXPERIMENT, key(experiment.type(), method)),
                experiment.name(), source(experiment.type(), method), experiment.type(), method, experiment, null);
    }

    static ExperimentDescriptor invalid(UniqueId parent, Class<?> type, Method method, InvalidTrainableException e) {
        String name = method == null ? type.getSimpleName() : type.getSimpleName() + "." + method.getName();
        return new ExperimentDescriptor(parent.append(TuneUniqueId.EXPERIMENT, key(type, method)), name,
                source(type, method), type, method, null, e);
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

    /** The experiment itself was selected (by class, method or its own unique id): it runs whole. */
    void selectWhole() {
        whole = true;
    }

    /**
     * Trial {@code number} was selected by its unique id: unless the whole experiment is, only such trials run
     * again.
     */
    void selectTrial(int number) {
        selectedTrials.add(number);
    }

    /** The recorded trials to run again, in order; empty when the experiment runs whole. */
    List<Integer> rerunTrials() {
        return whole ? List.of() : List.copyOf(selectedTrials);
    }
}
