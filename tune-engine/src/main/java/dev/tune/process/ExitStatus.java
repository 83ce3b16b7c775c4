package dev.tune.process;

import java.util.List;
import java.util.Map;

/**
 * How a child JVM ended, in words: its exit code, or the signal that killed it (a process killed by
 * signal {@code n} exits with {@code 128 + n}), and what the last lines it wrote say about why.
 */
final class ExitStatus {

    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 4, "SIGILL",
            6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    /** How the JVM names what it ran out of, in the line it writes as it exits. */
    private static final String OUT_OF_MEMORY = OutOfMemoryError.class.getName();

    /** The first line of the JVM's own report when it crashes. */
    private static final String FATAL = "A fatal error has been detected by the Java Runtime";

    private ExitStatus() {
    }

    /** {@code exited with code 3}, {@code was killed by signal 9 (SIGKILL)}, with a cause when the lines show one. */
    static String describe(int code, List<String> lastLines, String heap) {
        if (ranOutOfMemory(lastLines)) {
            return "ran out of memory (" + outOfMemoryLine(lastLines) + ") with " + heap
                    + "; give it more with @Resources(memoryMb) or tune.resources.memoryMb";
        }
        if (code > 128 && code < 160) {
            int signal = code - 128;
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            String why = signal == 9 ? ", from outside the JVM (the kernel's OOM killer, kill -9 or a time limit)"
                    : signal == 6 || signal == 11 ? ": a native crash, see the error report it names" : "";
            return "was killed by signal " + signal + " (" + name + ")" + why;
        }
        if (lastLines.stream().anyMatch(l -> l.contains(FATAL))) {
            return "crashed in native code (exit code " + code + "); see the error report it names";
        }
        return "exited with code " + code + (code == 0 ? "" : " (System.exit, Runtime.halt or a crash in the trial)");
    }

    /**
     * The lines of the JVM's own crash report ({@code # A fatal error has been detected ...}), which
     * it writes to stdout, from among a child's last lines there; empty when it did not crash so.
     */
    static List<String> crashReport(List<String> stdout) {
        for (int i = 0; i < stdout.size(); i++) {
            if (stdout.get(i).contains(FATAL)) {
                return stdout.subList(i, stdout.size()).stream().filter(l -> l.startsWith("#") && l.length() > 2)
                        .toList();
            }
        }
        return List.of();
    }

    private static boolean ranOutOfMemory(List<String> lines) {
        return lines.stream().anyMatch(l -> l.contains(OUT_OF_MEMORY));
    }

    private static String outOfMemoryLine(List<String> lines) {
        for (String line : lines) {
            int at = line.indexOf(OUT_OF_MEMORY);
            if (at >= 0) {
                return line.substring(at).trim();
            }
        }
        return OUT_OF_MEMORY;
    }
}
