package dev.tune.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every arrow between the engine's packages points down: each package may use only the packages
 * listed below it here (and the API). Read from the sources, so a new import that runs back up
 * fails the build and names the file.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/tune");

    /** Package (below {@code dev.tune}) to the engine packages it may use; search's sub-packages count as search. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("io", Set.of()),
            Map.entry("result", Set.of("io")),
            Map.entry("search", Set.of("io", "result")),
            Map.entry("schedule", Set.of("io", "result", "search")),
            Map.entry("stop", Set.of("io", "result")),
            Map.entry("checkpoint", Set.of("io", "result")),
            Map.entry("report", Set.of("io", "result", "store", "importance")),
            Map.entry("importance", Set.of()),
            Map.entry("store", Set.of("io", "result")),
            Map.entry("options", Set.of("io", "result", "search", "schedule", "stop")),
            Map.entry("trainable", Set.of("io", "result", "search", "schedule", "stop", "options")),
            Map.entry("process", Set.of("io", "result", "options", "trainable")),
            Map.entry("run", Set.of("io", "result", "search", "schedule", "stop", "checkpoint", "report", "store",
                    "options", "trainable", "process")));

    private static final Pattern REFERENCE = Pattern.compile("dev\\.tune\\.([a-z]+)(?:\\.[a-z]+)*\\.[A-Z]");

    @Test
    void everyArrowPointsDown() throws IOException {
        Map<String, Set<String>> upward = new TreeMap<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String own = SOURCES.relativize(file.getParent()).getName(0).toString();
                packages.add(own);
                Set<String> allowed = ALLOWED.getOrDefault(own, Set.of());
                Matcher m = REFERENCE.matcher(read(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(own) && ALLOWED.containsKey(used) && !allowed.contains(used)) {
                        upward.computeIfAbsent(SOURCES.relativize(file).toString(), k -> new TreeSet<>()).add(used);
                    }
                }
            });
        }
        assertEquals(ALLOWED.keySet(), packages, "every engine package has a place in the layers");
        assertTrue(upward.isEmpty(), "arrows that run back up (file -> packages it must not use): " + upward);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
