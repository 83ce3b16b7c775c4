package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import org.junit.jupiter.api.Test;

/** Memory per trial counts against this JVM's heap, or the machine's memory when each trial has a JVM of its own. */
class ConcurrencyTest {

    private static final long HEAP_MB = Runtime.getRuntime().maxMemory() / (1024 * 1024);

    @Test
    void inThreadsATrialCannotAskForMoreHeapThanThisJvmHas() {
        TuneOptions options = TuneOptions.builder().set(TuneOption.MEMORY_MB, HEAP_MB + 1).build();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Concurrency.workers(options));
        assertTrue(refused.getMessage().contains("a trial needs memoryMb="), refused.getMessage());
    }

    @Test
    void inChildJvmsTheMachinesMemoryCounts() {
        double machine = Concurrency.memoryMb(TuneOptions.builder().set(TuneOption.ISOLATION, "process").build());
        assertTrue(machine > HEAP_MB, "the machine has more memory than this JVM's heap: " + machine);
        TuneOptions options = TuneOptions.builder().set(TuneOption.ISOLATION, "process")
                .set(TuneOption.MEMORY_MB, HEAP_MB + 1).set(TuneOption.CPU, 0.0).build();
        int workers = Concurrency.workers(options);
        assertTrue(workers == (int) Math.floor(machine / (HEAP_MB + 1)), "as many as the machine's memory holds: "
                + workers);
    }
}
