package dev.tune.junit;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * The JUnit Platform engine {@code tune}: every annotated trainable is a container and every trial
 * a test, so IDEs and builds discover, run and report tuning as they do tests. A thin adapter: it
 * builds the tree from selectors and hands each experiment to {@code Tuner}.
 */
public final class TuneTestEngine implements TestEngine {

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.tune");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("tune-junit-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "tune");
        Predicate<String> classNames = classNameFilter(request);
        RecordedTrials.Names recordedNames = new RecordedTrials.Names(settings(request));
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addSelectorResolver(context -> new ClasspathScanner(uniqueId, classNames, context.getIssueReporter()))
                .addSelectorResolver(context -> new TrainableResolver(uniqueId, classNames, context.getIssueReporter(),
                        recordedNames))
                .build()
                .resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        var listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        EngineSettings settings;
        try {
            settings = EngineSettings.from(request.getConfigurationParameters());
        } catch (IllegalArgumentException e) {
            listener.executionFinished(engine, TestExecutionResult.failed(e));
            return;
        }
        ExperimentExecution execution = new ExperimentExecution(settings, listener);
        for (TestDescriptor container : List.copyOf(engine.getChildren())) {
            listener.executionStarted(container);
            for (TestDescriptor experiment : List.copyOf(container.getChildren())) {
                execution.run((ExperimentDescriptor) experiment);
            }
            listener.executionFinished(container, TestExecutionResult.successful());
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    /** The settings, to name trials selected by id as they were recorded; empty when invalid (execution reports it). */
    private static Optional<EngineSettings> settings(EngineDiscoveryRequest request) {
        try {
            return Optional.of(EngineSettings.from(request.getConfigurationParameters()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Predicate<String> classNameFilter(EngineDiscoveryRequest request) {
        Predicate<String> names = Filter.composeFilters(
                request.getFiltersByType(ClassNameFilter.class)).toPredicate();
        Predicate<String> packages = Filter.composeFilters(
                request.getFiltersByType(PackageNameFilter.class)).toPredicate();
        return names.and(packages);
    }
}
