package dev.tune.junit;

import dev.tune.Trainable;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
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
 * class trainable; a unique id yields its experiment, narrowed to one trial when it names one.
 */
final class TrainableResolver implements SelectorResolver {

    private final Predicate<String> classNames;
    private final DiscoveryIssueReporter issues;

    TrainableResolver(Predicate<String> classNames, DiscoveryIssueReporter issues) {
        this.classNames = classNames;
        this.issues = issues;
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
        return toResolution(addClass(context, type).map(container -> Match.exact(container, () -> experiments(container))));
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
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        if (segments.size() < 2 || !segments.get(1).getType().equals(TrainableClassDescriptor.SEGMENT)) {
            return Resolution.unresolved();
        }
        Optional<Class<?>> type = ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional();
        if (type.isEmpty() || !isTrainable(type.get())) {
            return Resolution.unresolved();
        }
        if (segments.size() == 2) {
            return toResolution(addClass(context, type.get())
                    .map(container -> Match.exact(container, () -> experiments(container))));
        }
        if (!segments.get(2).getType().equals(ExperimentDescriptor.SEGMENT)) {
            return Resolution.unresolved();
        }
        String key = segments.get(2).getValue();
        Method method = null;
        int hash = key.indexOf('#');
        if (hash >= 0) {
            String name = key.substring(hash + 1);
            method = trainableMethods(type.get()).stream().filter(m -> m.getName().equals(name)).findFirst().orElse(null);
            if (method == null) {
                return Resolution.unresolved();
            }
        } else if (!type.get().isAnnotationPresent(Trainable.class)) {
            return Resolution.unresolved();
        }
        Optional<Match> match = addExperiment(context, type.get(), method);
        if (match.isPresent() && segments.size() > 3 && segments.get(3).getType().equals(TrialDescriptor.SEGMENT)) {
            ((ExperimentDescriptor) match.get().getTestDescriptor()).rerunOnly(Integer.parseInt(segments.get(3).getValue()));
        }
        return toResolution(match);
    }

    private Optional<TrainableClassDescriptor> addClass(Context context, Class<?> type) {
        return context.addToParent(parent -> Optional.of(new TrainableClassDescriptor(parent.getUniqueId(), type)));
    }

    /** One unique-id selector per experiment of the class: the class experiment first, then each method's. */
    private static Set<UniqueIdSelector> experiments(TrainableClassDescriptor container) {
        Set<UniqueIdSelector> children = new LinkedHashSet<>();
        Class<?> type = container.type();
        if (type.isAnnotationPresent(Trainable.class)) {
            children.add(DiscoverySelectors.selectUniqueId(container.getUniqueId()
                    .append(ExperimentDescriptor.SEGMENT, ExperimentDescriptor.key(type, null))));
        }
        for (Method method : trainableMethods(type)) {
            children.add(DiscoverySelectors.selectUniqueId(container.getUniqueId()
                    .append(ExperimentDescriptor.SEGMENT, ExperimentDescriptor.key(type, method))));
        }
        return children;
    }

    private Optional<Match> addExperiment(Context context, Class<?> type, Method method) {
        return context.<ExperimentDescriptor>addToParent(() -> DiscoverySelectors.selectClass(type),
                parent -> Optional.of(describe(parent.getUniqueId(), type, method))).map(Match::exact);
    }

    /**
     * The experiment's descriptor. An invalid trainable stays in the tree (its container fails with
     * the message when executed) and is also reported as a discovery issue, a warning so the rest
     * of the run goes on.
     */
    private ExperimentDescriptor describe(UniqueId parent, Class<?> type, Method method) {
        try {
            Experiment experiment = method == null ? Experiment.ofClass(type) : Experiment.of(method);
            return ExperimentDescriptor.of(parent, experiment);
        } catch (InvalidTrainableException e) {
            ExperimentDescriptor invalid = ExperimentDescriptor.invalid(parent, type, method, e);
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

    private static List<Method> trainableMethods(Class<?> type) {
        return ReflectionSupport.findMethods(type, m -> m.isAnnotationPresent(Trainable.class)
                && !Modifier.isAbstract(m.getModifiers()), org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN);
    }
}
