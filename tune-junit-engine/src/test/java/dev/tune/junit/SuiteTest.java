package dev.tune.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.tune.junit.examples.PackageSuite;
import dev.tune.junit.examples.QuadraticSuite;
import dev.tune.junit.examples.ResourceSuite;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The tune engine nested under JUnit's suite engine, the way a project runs its {@code src/main}
 * trainables from a {@code @Suite} in {@code src/test}: every trial is a test, and every id under
 * the suite resolves again.
 */
class SuiteTest {

    @TempDir
    Path storage;

    private EngineTestKit.Builder suite(String mode, DiscoverySelector... selectors) {
        return EngineTestKit.engine("junit-platform-suite").enableImplicitConfigurationParameters(false)
                .configurationParameter("tune.verbose", "0").configurationParameter(Constants.MODE, mode)
                .configurationParameter("tune.storagePath", storage.toString()).selectors(selectors);
    }

    private static List<UniqueId> trials(EngineExecutionResults results) {
        return results.testEvents().started().map(e -> e.getTestDescriptor().getUniqueId()).toList();
    }

    @Test
    void selectedClassesRunEveryTrialInFullModeAndOneInSmokeMode() {
        EngineExecutionResults full = suite("full", selectClass(QuadraticSuite.class)).execute();
        full.testEvents().assertStatistics(s -> s.started(8).succeeded(8));
        assertTrue(trials(full).get(0).toString().startsWith("[engine:junit-platform-suite]/[suite:"
                + QuadraticSuite.class.getName() + "]/[engine:tune]/[class:"), trials(full).toString());
        EngineExecutionResults smoke = suite("smoke", selectClass(QuadraticSuite.class)).execute();
        smoke.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void aPackageAndClassPathResourcesSelectTrainables() {
        suite("full", selectClass(PackageSuite.class)).execute().testEvents()
                .assertStatistics(s -> s.started(3).succeeded(3));
        EngineExecutionResults resources = suite("full", selectClass(ResourceSuite.class)).execute();
        resources.testEvents().assertStatistics(s -> s.started(7).succeeded(7));
    }

    @Test
    void everyIdUnderTheSuiteRunsAgain() {
        List<UniqueId> first = trials(suite("full", selectClass(QuadraticSuite.class)).execute());
        UniqueId trial = first.get(2);
        EngineExecutionResults again = suite("full", selectUniqueId(trial)).execute();
        assertEquals(List.of(trial), trials(again), "the trial alone, under the suite");
        UniqueId experiment = trial.removeLastSegment();
        assertEquals(4, trials(suite("full", selectUniqueId(experiment)).execute()).size());
        Set<UniqueId> all = new TreeSet<>(java.util.Comparator.comparing(UniqueId::toString));
        all.addAll(trials(suite("full", selectUniqueId(experiment.removeLastSegment())).execute()));
        assertEquals(4, all.size(), "the class id");
    }

    /** Model classes are not named *Test: without a pattern the suite's default filter excludes them, and says so. */
    @Suite
    @IncludeEngines("tune")
    @SelectPackages("dev.tune.junit.examples.suite")
    static class WithoutPattern {
    }

    @Test
    void aPackageWhoseTrainablesTheDefaultPatternExcludesGetsAWarningThatSaysWhatToAdd() {
        var discovery = suite("smoke", selectClass(WithoutPattern.class)).discover();
        assertTrue(discovery.getDiscoveryIssues().stream().anyMatch(i -> i.message().contains("Linear")
                && i.message().contains("@IncludeClassNamePatterns(\".*\")")), discovery.getDiscoveryIssues().toString());
    }
}
