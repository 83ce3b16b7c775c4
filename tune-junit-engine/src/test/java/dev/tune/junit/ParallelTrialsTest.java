package dev.tune.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tune.junit.examples.Parallel;
import dev.tune.junit.examples.Population;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Trials running in parallel, or pausing and resuming, still reach the listener in a valid order:
 * registered, started, entries, finished.
 */
class ParallelTrialsTest extends EngineTests {

    @TempDir
    Path storage;

    @Test
    void eventsOfParallelTrialsAreOrderedPerTrial() {
        EngineExecutionResults results = full(storage, selectClass(Parallel.class))
                .configurationParameter("tune.resources.cpu", "0").execute();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(8).started(8).succeeded(8));
        assertTrue(peakOfOrderedEvents(results) > 1, "trials overlapped");
    }

    @Test
    void trialsThatPauseAndAreExploitedAreStillOneTestEach() {
        EngineExecutionResults results = full(storage, selectClass(Population.class))
                .configurationParameter("tune.resources.cpu", "0").execute();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(6).started(6).succeeded(6));
        // A paused trial's test stays open while others run, so more than two tests overlap here.
        assertTrue(peakOfOrderedEvents(results) > 2, "paused trials' tests stay open");
        assertTrue(java.nio.file.Files.exists(storage.resolve("Population").resolve("pbt_global.txt")),
                "PBT exploited at least once");
    }

    /** Asserts each trial's events come in a valid order; returns how many trials ran at once at most. */
    private static int peakOfOrderedEvents(EngineExecutionResults results) {
        Map<UniqueId, EventType> last = new HashMap<>();
        int running = 0;
        int peak = 0;
        for (Event event : results.allEvents().list()) {
            if (!event.getTestDescriptor().isTest()) {
                continue;
            }
            UniqueId id = event.getTestDescriptor().getUniqueId();
            EventType previous = last.put(id, event.getType());
            switch (event.getType()) {
                case DYNAMIC_TEST_REGISTERED -> assertEquals(null, previous, id.toString());
                case STARTED -> {
                    assertEquals(EventType.DYNAMIC_TEST_REGISTERED, previous, id.toString());
                    peak = Math.max(peak, ++running);
                }
                case REPORTING_ENTRY_PUBLISHED -> assertTrue(previous == EventType.STARTED
                        || previous == EventType.REPORTING_ENTRY_PUBLISHED, id.toString());
                case FINISHED -> {
                    assertEquals(EventType.REPORTING_ENTRY_PUBLISHED, previous, id.toString());
                    running--;
                }
                default -> throw new AssertionError("unexpected " + event);
            }
        }
        assertEquals(List.of(EventType.FINISHED), last.values().stream().distinct().toList());
        return peak;
    }
}
