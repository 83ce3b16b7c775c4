package dev.tune.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tune.junit.examples.Parallel;
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

/** Trials running in parallel still reach the listener in a valid order: registered, started, entries, finished. */
class ParallelTrialsTest extends EngineTests {

    @TempDir
    Path storage;

    @Test
    void eventsOfParallelTrialsAreOrderedPerTrial() {
        EngineExecutionResults results = full(storage, selectClass(Parallel.class))
                .configurationParameter("tune.resources.cpu", "0").execute();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(8).started(8).succeeded(8));
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
        assertTrue(peak > 1, "trials overlapped: peak " + peak);
        assertEquals(List.of(EventType.FINISHED), last.values().stream().distinct().toList());
    }
}
