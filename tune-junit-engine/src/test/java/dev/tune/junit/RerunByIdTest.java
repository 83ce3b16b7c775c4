package dev.tune.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.tune.junit.examples.Functions;
import dev.tune.junit.examples.Quadratic;
import dev.tune.junit.examples.Seeded;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Every unique id the engine hands out resolves and runs again, as IDEs' "rerun" and "rerun
 * failed" and the console launcher's {@code --select-unique-id} use them. Each run here carries the
 * console launcher's default class-name filter, which excludes model classes: ids must resolve
 * without going through it.
 */
class RerunByIdTest extends EngineTests {

    /** The console launcher's default, which no trainable here matches. */
    private static final ClassNameFilter LAUNCHER_DEFAULT = includeClassNamePatterns(ClassNameFilter.STANDARD_INCLUDE_PATTERN);

    @TempDir
    Path storage;

    private EngineExecutionResults again(UniqueId... ids) {
        return full(storage, java.util.Arrays.stream(ids).map(id -> selectUniqueId(id))
                .toArray(org.junit.platform.engine.DiscoverySelector[]::new)).filters(LAUNCHER_DEFAULT).execute();
    }

    private static Map<UniqueId, String> trials(EngineExecutionResults results) {
        Map<UniqueId, String> trials = new LinkedHashMap<>();
        results.testEvents().started().stream()
                .forEach(e -> trials.put(e.getTestDescriptor().getUniqueId(), e.getTestDescriptor().getDisplayName()));
        return trials;
    }

    private static UniqueId experimentOf(Map<UniqueId, String> trials) {
        return trials.keySet().iterator().next().removeLastSegment();
    }

    @Test
    void everyIdOfAClassTrainableResolvesThroughTheLaunchersDefaultFilter() {
        Map<UniqueId, String> first = trials(full(storage, selectClass(Quadratic.class)).execute());
        assertEquals(4, first.size());
        UniqueId experiment = experimentOf(first);
        UniqueId type = experiment.removeLastSegment();

        assertEquals(4, trials(again(type)).size(), "the class id runs its experiment");
        assertEquals(4, trials(again(experiment)).size(), "the experiment id runs it whole");
        for (Map.Entry<UniqueId, String> trial : first.entrySet()) {
            EngineExecutionResults rerun = again(trial.getKey());
            rerun.testEvents().assertStatistics(s -> s.started(1).succeeded(1).dynamicallyRegistered(0));
            assertEquals(Map.of(trial.getKey(), trial.getValue()), trials(rerun),
                    "the trial alone, under its own id and name (number and config)");
            assertEquals(trial.getValue(), rerun.containerEvents().reportingEntryPublished().list().get(0)
                    .getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("best_trial"),
                    "the experiment's report names the best trial by its recorded number");
        }
    }

    @Test
    void everyIdOfAMethodTrainableResolves() {
        Map<UniqueId, String> first = trials(full(storage, selectClass(Functions.class)).filters(
                ClassNameFilter.includeClassNamePatterns(".*")).execute());
        assertEquals(5, first.size(), "3 + 2 trials: " + first);
        for (Map.Entry<UniqueId, String> trial : first.entrySet()) {
            assertEquals(Map.of(trial.getKey(), trial.getValue()), trials(again(trial.getKey())));
        }
        UniqueId sometimesFails = first.keySet().stream().map(UniqueId::removeLastSegment)
                .filter(id -> id.getLastSegment().getValue().endsWith("#sometimesFails")).findFirst().orElseThrow();
        assertEquals(3, trials(again(sometimesFails)).size());
    }

    @Test
    void aReRunGivesTheTrialItsRecordedConfigAndSeed() {
        EngineExecutionResults first = full(storage, selectClass(Seeded.class)).execute();
        Map<UniqueId, Map<String, String>> recorded = lastEntries(first);
        assertEquals(4, recorded.size());
        assertEquals(4, recorded.values().stream().map(e -> e.get("seedBits")).distinct().count(),
                "each trial has its own seed");
        for (UniqueId id : recorded.keySet()) {
            Map<UniqueId, Map<String, String>> rerun = lastEntries(again(id));
            assertEquals(Set.of(id), rerun.keySet());
            assertEquals(recorded.get(id).get("x"), rerun.get(id).get("x"), "the recorded config");
            assertEquals(recorded.get(id).get("seedBits"), rerun.get(id).get("seedBits"), "the recorded seed");
        }
    }

    @Test
    void severalTrialIdsRunThoseTrialsAndTheirExperimentIdRunsItWholeInEitherOrder() {
        Map<UniqueId, String> first = trials(full(storage, selectClass(Quadratic.class)).execute());
        List<UniqueId> ids = List.copyOf(first.keySet());
        UniqueId experiment = experimentOf(first);

        Map<UniqueId, String> two = trials(again(ids.get(3), ids.get(1)));
        assertEquals(new TreeSet<>(List.of(ids.get(1).toString(), ids.get(3).toString())),
                new TreeSet<>(two.keySet().stream().map(UniqueId::toString).toList()));
        assertEquals(first.get(ids.get(3)), two.get(ids.get(3)));

        assertEquals(4, trials(again(ids.get(2), experiment)).size(), "trial first, then its experiment: all");
        assertEquals(4, trials(again(experiment, ids.get(2))).size(), "experiment first, then a trial: all");
    }

    @Test
    void withNoRecordedRunTheTrialFailsNamingThePathAndTheExperiment() {
        UniqueId trial = UniqueId.forEngine("tune").append("class", Quadratic.class.getName())
                .append("experiment", Quadratic.class.getName()).append("trial", "2");
        EngineExecutionResults results = again(trial);
        Event failed = results.testEvents().failed().list().get(0);
        assertEquals(trial, failed.getTestDescriptor().getUniqueId());
        String message = failure(failed);
        assertTrue(message.contains("trial #2 of experiment 'Quadratic'"), message);
        assertTrue(message.contains(storage.toString()), message);
        assertTrue(message.contains("tune.junit.mode=full"), message);
        results.containerEvents().assertStatistics(s -> s.failed(1));
    }

    /** Surefire's rerunFailingTestsCount selects a failed smoke trial by its id; a smoke run recorded nothing. */
    @Test
    void inSmokeModeATrialWithNoRecordedRunRunsAgainAsTheSmokeTrial() {
        Map<UniqueId, String> smoke = trials(kit(selectClass(Quadratic.class)).execute());
        UniqueId id = smoke.keySet().iterator().next();
        assertEquals("1", id.getLastSegment().getValue());
        EngineExecutionResults again = kit(selectUniqueId(id)).filters(LAUNCHER_DEFAULT)
                .configurationParameter("tune.storagePath", storage.toString()).execute();
        again.testEvents().assertStatistics(s -> s.started(1).succeeded(1).dynamicallyRegistered(0));
        assertEquals(List.of(id), List.copyOf(trials(again).keySet()));
    }

    @Test
    void aTrialNumberNeverRecordedNamesTheNumbersThatExist() {
        Map<UniqueId, String> first = trials(full(storage, selectClass(Quadratic.class)).execute());
        UniqueId missing = experimentOf(first).append("trial", "9");
        String message = failure(again(missing).testEvents().failed().list().get(0));
        assertTrue(message.contains("trial #9 of experiment 'Quadratic'") && message.contains("records trials #1 to #4"),
                message);
    }

    @Test
    void anIdThatCannotBeRunIsADiscoveryErrorThatSaysWhy() {
        UniqueId engine = UniqueId.forEngine("tune");
        assertIssue(engine.append("class", "com.example.Gone"), "class com.example.Gone is not on the class path");
        assertIssue(engine.append("class", Functions.class.getName()).append("experiment",
                Functions.class.getName() + "#gone"), "has no @Trainable method gone; its experiments are");
        assertIssue(engine.append("class", Quadratic.class.getName()).append("experiment", Quadratic.class.getName())
                .append("trial", "two"), "is not a trial number");
        assertIssue(engine.append("method", "x"), "is not an id the tune engine hands out");
    }

    private void assertIssue(UniqueId id, String expected) {
        List<DiscoveryIssue> issues = kit(selectUniqueId(id)).discover().getDiscoveryIssues();
        assertTrue(issues.stream().anyMatch(i -> i.severity() == DiscoveryIssue.Severity.ERROR
                && i.message().contains(id.toString()) && i.message().contains(expected)), issues.toString());
    }

    private static String failure(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
    }

    /** Each trial's last published result, by trial id. */
    private static Map<UniqueId, Map<String, String>> lastEntries(EngineExecutionResults results) {
        Map<UniqueId, Map<String, String>> last = new LinkedHashMap<>();
        results.testEvents().reportingEntryPublished().stream().forEach(e -> last.put(
                e.getTestDescriptor().getUniqueId(), e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()));
        return last;
    }
}
