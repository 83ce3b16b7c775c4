package dev.tune.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a child's end reads: its exit code, or the signal that killed it, and what its last lines show. */
class ExitStatusTest {

    @Test
    void anExitCodeSaysWhatUsuallyCausesIt() {
        assertEquals("exited with code 3 (System.exit, Runtime.halt or a crash in the trial)",
                ExitStatus.describe(3, List.of(), "a heap"));
        assertEquals("exited with code 0", ExitStatus.describe(0, List.of(), "a heap"));
    }

    @Test
    void aSignalIsNamedAndSigkillSaysWhereItMayHaveComeFrom() {
        assertTrue(ExitStatus.describe(137, List.of(), "a heap").startsWith("was killed by signal 9 (SIGKILL), from"
                + " outside the JVM (the kernel's OOM killer"));
        assertEquals("was killed by signal 15 (SIGTERM)", ExitStatus.describe(143, List.of(), "a heap"));
        assertTrue(ExitStatus.describe(134, List.of(), "a heap").contains("(SIGABRT): a native crash"));
    }

    @Test
    void runningOutOfMemoryNamesTheHeapWhateverTheCode() {
        String said = ExitStatus.describe(3, List.of("Terminating due to java.lang.OutOfMemoryError: Java heap space"),
                "a heap of 64 MiB");
        assertTrue(said.startsWith("ran out of memory (java.lang.OutOfMemoryError: Java heap space) with a heap of"
                + " 64 MiB"), said);
    }

    @Test
    void theJvmsCrashReportIsFoundAmongItsLastLinesOnStdout() {
        List<String> stdout = List.of("epoch 3", "#", "# A fatal error has been detected by the Java Runtime"
                + " Environment:", "#", "#  SIGSEGV (0xb) at pc=0x1, pid=7, tid=8", "#",
                "# An error report file with more information is saved as:", "# /tmp/tune-hs_err_pid7.log");
        assertEquals(List.of("# A fatal error has been detected by the Java Runtime Environment:",
                "#  SIGSEGV (0xb) at pc=0x1, pid=7, tid=8", "# An error report file with more information is saved as:",
                "# /tmp/tune-hs_err_pid7.log"), ExitStatus.crashReport(stdout));
        assertEquals(List.of(), ExitStatus.crashReport(List.of("epoch 3")));
    }

    @Test
    void aNativeCrashReportIsRecognised() {
        String said = ExitStatus.describe(1, List.of("# A fatal error has been detected by the Java Runtime"
                + " Environment:"), "a heap");
        assertTrue(said.startsWith("crashed in native code (exit code 1)"), said);
    }
}
