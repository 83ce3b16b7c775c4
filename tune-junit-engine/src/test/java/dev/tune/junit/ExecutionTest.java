package dev.tune.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tune.junit.examples.Broken;
import dev.tune.junit.examples.Exits;
import dev.tune.junit.examples.Functions;
import dev.tune.junit.examples.Quadratic;
import dev.tune.trainable.InvalidTrainableException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

class ExecutionTest extends EngineTests {

    @TempDir
    Path storage;

    @Test
    void fullModeRunsEveryTrialAsATestAndVerifies() {
        Quadratic.verified = false;
        EngineExecutionResults results = full(storage, selectClass(Quadratic.class)).execute();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(4).started(4).succeeded(4).failed(0));
        results.containerEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertTrue(Quadratic.verified);
        List<String> names = results.testEvents().started().map(e -> e.getTestDescriptor().getDisplayName()).toList();
        assertTrue(names.get(0).matches("#1 h=-?\\d.*"), names.toString());
        assertEquals("[engine:tune]/[class:" + Quadratic.class.getName() + "]/[experiment:" + Quadratic.class.getName()
                + "]/[trial:1]",
                results.testEvents().started().list().get(0).getTestDescriptor().getUniqueId().toString());
    }

    @Test
    void everyResultIsAReportEntryAndTheContainerNamesTheBestTrial() {
        EngineExecutionResults results = full(storage, selectClass(Quadratic.class)).execute();
        List<Map<String, String>> trialEntries = entries(results.testEvents().list());
        assertEquals(12, trialEntries.size(), "4 trials x 3 iterations");
        assertEquals("1", trialEntries.get(0).get("iteration"));
        assertTrue(trialEntries.get(0).containsKey("loss"));
        Map<String, String> best = entries(results.containerEvents().list()).get(0);
        assertTrue(best.get("best_trial").startsWith("#"), best.toString());
        assertTrue(best.get("objective").startsWith("loss="), best.toString());
        assertEquals("full", best.get("mode"));
        assertTrue(best.get("report").startsWith("file:") && best.get("report").endsWith("/report.html"), best.toString());
        assertTrue(java.nio.file.Files.isRegularFile(java.nio.file.Path.of(java.net.URI.create(best.get("report")))));
    }

    private static List<Map<String, String>> entries(List<Event> events) {
        return events.stream().filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
    }

    @Test
    void smokeModeRunsOneShortTrialPerExperiment() {
        EngineExecutionResults results = kit(selectClass(Quadratic.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(1, entries(results.testEvents().list()).size(), "one iteration");
    }

    @Test
    void aTrialThatThrowsFailsWithItsOwnExceptionAndTheOthersPass() {
        EngineExecutionResults results = full(storage, selectMethod(Functions.class, "sometimesFails",
                "int, dev.tune.TrialContext")).execute();
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1,
                event(test(), finishedWithFailure(instanceOf(IllegalStateException.class), message("diverged"))));
        results.containerEvents().assertStatistics(s -> s.succeeded(3));
    }

    @Test
    void aFailingVerificationFailsTheContainer() {
        EngineExecutionResults results = full(storage, selectMethod(Functions.class, "neverGoodEnough", "int")).execute();
        results.testEvents().assertStatistics(s -> s.succeeded(2));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("neverGoodEnough"),
                finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.startsWith("best score must be below 0")))));
    }

    @Test
    void anInvalidTrainableFailsWithTheClearMessage() {
        EngineExecutionResults results = kit(selectClass(Broken.class)).execute();
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("Broken"),
                finishedWithFailure(instanceOf(InvalidTrainableException.class),
                        message(m -> m.contains("has no @Step method")))));
    }

    @Test
    void trialsCutByTheExperimentsEndAreAbortedNotFailed() {
        EngineExecutionResults results = full(storage, selectClass(dev.tune.junit.examples.Endless.class))
                .configurationParameter("tune.timeBudget", "300ms").execute();
        results.testEvents().assertStatistics(s -> s.failed(0).succeeded(0));
        assertTrue(results.testEvents().aborted().count() >= 1);
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Test
    void aConfigurationParameterNamesATrialNameCreatorByClassAndTheTestsCarryItsNames() {
        EngineExecutionResults results = full(storage, selectClass(Quadratic.class))
                .configurationParameter("tune.trialNameCreator", "dev.tune.junit.examples.RunNames").execute();
        results.testEvents().assertStatistics(s -> s.succeeded(4));
        for (int n = 1; n <= 4; n++) {
            results.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("run-" + n),
                    finishedSuccessfully()));
        }
    }

    @Test
    void aTrialInterruptedAtItsTimeLimitIsAbortedWithTheReasonNotFailed() {
        EngineExecutionResults results = full(storage, selectClass(dev.tune.junit.examples.Sleeper.class)).execute();
        results.testEvents().assertStatistics(s -> s.succeeded(1).aborted(1).failed(0));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(), abortedWithReason(
                message(m -> m.contains("interrupted at its time limit while a step ran")))));
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Test
    void inChildJvmsATrialThatExitsFailsItsOwnTestWithTheExitCodeAndTheOthersPass() {
        EngineExecutionResults results = full(storage, selectClass(Exits.class))
                .configurationParameter("tune.isolation", "process").execute();
        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(m -> m.startsWith("Trial #2 ") && m.contains("lost its JVM")
                        && m.contains("it exited with code 3")))));
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Test
    void tagsSelectExperiments() {
        EngineExecutionResults results = kit(selectClass(Quadratic.class), selectClass(Functions.class))
                .filters(org.junit.platform.launcher.TagFilter.includeTags("fast")).execute();
        results.containerEvents().assertStatistics(s -> s.started(3));
        results.testEvents().assertStatistics(s -> s.started(1));
    }
}
