package dev.tune.junit;

import dev.tune.Trainable;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves classes, methods and unique ids into experiments. A class yields its class experiment
 * (when the class is {@code @Trainable}) and one experiment per {@code @Trainable} method; a method
 * yields its own experiment, or its class's when it is a member (such as the {@code @Step}) of a
 * class trainable; a unique id yields its class, its experiment, or one recorded trial to run again.
 *
 * <p>Only what a user selects runs in full: an experiment is marked to run whole by its match's
 * expansion, which the platform calls for selected items and never for a parent that was looked up
 * on the way to a child. So selecting {@code [trial:2]} runs trial 2 alone, and selecting its
 * experiment as well runs the whole experiment, in whichever order the selectors come. Parents of
 * explicitly selected members are found by unique id, as Jupiter does, so class-name filters (the
 * console launcher's default {@code *Test} pattern, a suite's) never hide what was named exactly.
 */
final class TrainableResolver implements SelectorResolver {

    private final UniqueId engineId;
    private final Predicate<String> classNames;
    private final DiscoveryIssueReporter issues;
    private final RecordedTrials.Names recordedNames;

    TrainableResolver(UniqueId engineId, Predicate<String> classNames, DiscoveryIssueReporter issues,
            RecordedTrials.Names recordedNames) {
        this.engineId = engineId;
        this.classNames = classNames;
        this.issues = issues;
        this.recordedNames = recordedNames;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type;
        try {
            type = selector.getJavaClass();
        } catch (RuntimeException | LinkageError e) {
            return Resolution.unresolved();
        }
        if (!classNames.test(type.getName()) || !isTrainable(type)) {
            return Resolution.unresolved();
        }
        return toResolution(addClass(context, type));
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Method method = selector.getJavaMethod();
        Class<?> type = selector.getJavaClass();
        if (method.isAnnotationPresent(Trainable.class)) {
            return toResolution(addExperiment(context, type, method));
        }
        if (type.isAnnotationPresent(Trainable.class)) {
            return toResolution(addExperiment(context, type, null));
        }
        return Resolution.unresolved();
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        TuneUniqueId parsed;
        Class<?> type;
        Method method = null;
        try {
            parsed = TuneUniqueId.parse(engineId, id);
            type = ReflectionSupport.tryToLoadClass(parsed.className()).toOptional().orElseThrow(() ->
                    new IllegalArgumentException("class " + parsed.className() + " is not on the class path"));
            if (!isTrainable(type)) {
                throw new IllegalArgumentException(type.getName() + " declares no @Trainable class or method");
            }
            if (parsed.method().isPresent()) {
                String name = parsed.method().get();
                method = trainableMethods(type).stream().filter(m -> m.getName().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(type.getName() + " has no @Trainable method "
                                + name + "; its experiments are " + experimentKeys(type)));
            } else if (parsed.experiment() && !type.isAnnotationPresent(Trainable.class)) {
                throw new IllegalArgumentException(type.getName() + " is not a @Trainable class; its experiments are "
                        + experimentKeys(type));
            }
        } catch (IllegalArgumentException e) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR,
                    "Unique id " + id + " cannot be run: " + e.getMessage()));
            return Resolution.unresolved();
        }
        if (!parsed.experiment()) {
            return toResolution(addClass(context, type));
        }
        if (parsed.trial().isEmpty()) {
            return toResolution(addExperiment(context, type, method));
        }
        int number = parsed.trial().getAsInt();
        UniqueId experimentId = id.removeLastSegment();
        Optional<TrialDescriptor> trial = context.addToParent(() -> DiscoverySelectors.selectUniqueId(experimentId),
                parent -> {
                    ExperimentDescriptor experiment = (ExperimentDescriptor) parent;
                    experiment.selectTrial(number);
                    return Optional.of(new TrialDescriptor(experiment.getUniqueId(), number,
                            recordedNames.name(experiment, number)));
                });
        return trial.map(descriptor -> Resolution.match(Match.exact(descriptor))).orElse(Resolution.unresolved());
    }

    /** The class container; when selected, it expands to each of its experiments. */
    private Optional<Match> addClass(Context context, Class<?> type) {
        return context.addToParent(parent -> Optional.of(new TrainableClassDescriptor(parent.getUniqueId(), type)))
                .map(container -> Match.exact(container, () -> experiments(container)));
    }

    /** One unique-id selector per experiment of the class: the class experiment first, then each method's. */
    private static Set<UniqueIdSelector> experiments(TrainableClassDescriptor container) {
        Set<UniqueIdSelector> children = new LinkedHashSet<>();
        Class<?> type = container.type();
        if (type.isAnnotationPresent(Trainable.class)) {
            children.add(DiscoverySelectors.selectUniqueId(container.getUniqueId()
                    .append(TuneUniqueId.EXPERIMENT, ExperimentDescriptor.key(type, null))));
        }
        for (Method method : trainableMethods(type)) {
            children.add(DiscoverySelectors.selectUniqueId(container.getUniqueId()
                    .append(TuneUniqueId.EXPERIMENT, ExperimentDescriptor.key(type, method))));
        }
        return children;
    }

    /**
     * The experiment under its class (found by unique id, so no class-name filter applies); selected, it runs
     * whole.
     */
    private Optional<Match> addExperiment(Context context, Class<?> type, Method method) {
        UniqueId classId = TuneUniqueId.classId(engineId, type);
        return context.<ExperimentDescriptor>addToParent(() -> DiscoverySelectors.selectUniqueId(classId),
                parent -> Optional.of(describe(parent, type, method)))
                .map(experiment -> Match.exact(experiment, () -> {
                    experiment.selectWhole();
                    return Set.of();
                }));
    }

    /**
     * The experiment's descriptor, or the one already in the tree. An invalid trainable stays in the
     * tree (its container fails with the message when executed) and is also reported once as a
     * discovery issue, a warning so the rest of the run goes on.
     */
    private ExperimentDescriptor describe(TestDescriptor parent, Class<?> type, Method method) {
        UniqueId id = parent.getUniqueId().append(TuneUniqueId.EXPERIMENT, ExperimentDescriptor.key(type, method));
        Optional<? extends TestDescriptor> existing = parent.findByUniqueId(id);
        if (existing.isPresent()) {
            return (ExperimentDescriptor) existing.get();
        }
        try {
            Experiment experiment = method == null ? Experiment.ofClass(type) : Experiment.of(method);
            return ExperimentDescriptor.of(parent.getUniqueId(), experiment);
        } catch (InvalidTrainableException e) {
            ExperimentDescriptor invalid = ExperimentDescriptor.invalid(parent.getUniqueId(), type, method, e);
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, e.getMessage())
                    .source(invalid.getSource()).cause(e));
            return invalid;
        }
    }

    private static Resolution toResolution(Optional<Match> match) {
        return match.map(Resolution::match).orElse(Resolution.unresolved());
    }

    static boolean isTrainable(Class<?> type) {
        return !type.isAnnotation() && (type.isAnnotationPresent(Trainable.class) || !trainableMethods(type).isEmpty());
    }

    private static List<String> experimentKeys(Class<?> type) {
        List<String> keys = new ArrayList<>();
        if (type.isAnnotationPresent(Trainable.class)) {
            keys.add(ExperimentDescriptor.key(type, null));
        }
        trainableMethods(type).forEach(m -> keys.add(ExperimentDescriptor.key(type, m)));
        return keys;
    }

    private static List<Method> trainableMethods(Class<?> type) {
        return ReflectionSupport.findMethods(type, m -> m.isAnnotationPresent(Trainable.class)
                && !Modifier.isAbstract(m.getModifiers()), HierarchyTraversalMode.TOP_DOWN);
    }
}
