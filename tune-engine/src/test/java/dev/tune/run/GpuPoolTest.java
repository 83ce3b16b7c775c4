package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPUs by device id, as Ray assigns them, and how a machine's GPUs are found. */
class GpuPoolTest {

    @Test
    void wholeGpusGoToOneTrialEachAndComeBackWhenItStops() {
        GpuPool pool = new GpuPool(4, 2);
        List<Integer> first = pool.take();
        List<Integer> second = pool.take();
        assertEquals(List.of(0, 1), first);
        assertEquals(List.of(2, 3), second);
        assertThrows(IllegalStateException.class, pool::take, "every device is held");
        pool.give(first);
        assertEquals(List.of(0, 1), pool.take());
    }

    @Test
    void fractionsShareADeviceUntilItIsFull() {
        GpuPool pool = new GpuPool(2, 0.5);
        assertEquals(List.of(0), pool.take());
        assertEquals(List.of(0), pool.take());
        assertEquals(List.of(1), pool.take());
        pool.give(List.of(0));
        assertEquals(List.of(0), pool.take(), "half of device 0 is free again");
        assertEquals(List.of(1), pool.take());
    }

    @Test
    void aTrialThatAsksForNoneGetsNoneAndMoreThanOneGpuMustBeWhole() {
        assertEquals(List.of(), new GpuPool(0, 0).take());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GpuPool(4, 1.5));
        assertTrue(e.getMessage().contains("a fraction of one GPU or a whole number"), e.getMessage());
    }

    @Test
    void aMachinesGpusAreTheDevicesNvidiaSmiListsOrTheDriversEntries(@TempDir Path proc) throws Exception {
        assertEquals(2, Gpus.countListed(List.of("GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-1a2b)",
                "GPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-3c4d)")));
        assertEquals(0, Gpus.countListed(List.of("NVIDIA-SMI has failed because it couldn't communicate with the"
                + " NVIDIA driver.")));
        assertEquals(0, Gpus.fromProc(proc.resolve("absent")));
        Files.createDirectory(proc.resolve("0000:3b:00.0"));
        Files.createDirectory(proc.resolve("0000:af:00.0"));
        assertEquals(2, Gpus.fromProc(proc));
    }
}
