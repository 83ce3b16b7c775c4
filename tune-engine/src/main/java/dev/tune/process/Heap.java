package dev.tune.process;

import java.util.List;

/**
 * The heap a child JVM was given and where that came from, for the message when it runs out:
 * {@code tune.isolation.jvmArgs}' {@code -Xmx} wins over {@code tune.resources.memoryMb}, and
 * without either the JVM takes its default share of the machine's memory.
 */
record Heap(String flag, String source) {

    /** The heap for a child started with {@code jvmArgs} and a trial that asks for {@code memoryMb} (0: none). */
    static Heap of(List<String> jvmArgs, long memoryMb) {
        for (int i = jvmArgs.size() - 1; i >= 0; i--) {
            if (jvmArgs.get(i).startsWith("-Xmx")) {
                return new Heap(jvmArgs.get(i), "tune.isolation.jvmArgs");
            }
        }
        if (memoryMb > 0) {
            return new Heap("-Xmx" + memoryMb + "m", "@Resources(memoryMb) / tune.resources.memoryMb");
        }
        return new Heap(null, "the JVM's default, a share of the machine's memory");
    }

    /** The flag that sets the heap, when one does. */
    String xmx() {
        return flag;
    }

    /** {@code -Xmx64m (from tune.isolation.jvmArgs)}, or the JVM's default heap: what the children are given. */
    String setting() {
        return flag != null ? flag + " (from " + source + ")" : "the JVM's default heap";
    }

    /** {@code a heap of -Xmx64m (from tune.isolation.jvmArgs)}, or the default and the size the child reported. */
    String describe(long maxHeapBytes) {
        String size = maxHeapBytes > 0 ? maxHeapBytes / (1024 * 1024) + " MiB" : "an unknown size";
        return flag != null ? "a heap of " + size + " (" + flag + " from " + source + ")"
                : "a heap of " + size + " (" + source + ")";
    }
}
