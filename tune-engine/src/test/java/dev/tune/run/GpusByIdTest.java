package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import dev.tune.run.examples.GpuUser;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each trial gets GPU ids that no running trial shares; fractions share a device; declared fake GPUs. */
class GpusByIdTest {

    @BeforeEach
    void forget() {
        GpuUser.reset();
    }

    @Test
    void wholeGpusAreNeverSharedByRunningTrials() {
        Runs.runMethod(GpuUser.class, "whole", Runs.quiet().set(TuneOption.TOTAL_GPU, 2.0));
        assertEquals(6, GpuUser.IDS.size());
        GpuUser.IDS.values().forEach(ids -> assertEquals(1, ids.size(), ids.toString()));
        assertEquals(Set.of(0, 1), GpuUser.idsSeen(), "two trials at a time, on devices 0 and 1");
        assertEquals(1, Collections.max(GpuUser.SHARED), "no running trial shared a device");
    }

    @Test
    void halfAGpuEachPutsTwoTrialsOnOneDevice() {
        Runs.runMethod(GpuUser.class, "half", Runs.quiet().set(TuneOption.TOTAL_GPU, 1.0));
        assertEquals(Set.of(0), GpuUser.idsSeen());
        assertEquals(2, Collections.max(GpuUser.SHARED), "two trials at a time, sharing device 0");
        GpuUser.IDS.values().forEach(ids -> assertEquals(List.of(0), ids));
    }

    @Test
    void withoutADeclaredTotalTheMachinesOwnGpusCountAndNoneIsAClearError() {
        int found = Gpus.detected();
        if (found == 0) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Runs.runMethod(GpuUser.class, "whole", Runs.quiet()));
            assertTrue(e.getMessage().contains("a trial needs gpu=1.0 but this machine offers 0.0"), e.getMessage());
            assertTrue(e.getMessage().contains("tune.resources.totalGpu"), e.getMessage());
        } else {
            Runs.runMethod(GpuUser.class, "whole", Runs.quiet());
            assertTrue(GpuUser.idsSeen().stream().allMatch(id -> id < found), GpuUser.IDS.toString());
        }
    }
}
