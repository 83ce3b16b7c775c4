package dev.tune.store;

import dev.tune.io.AtomicFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("nested/state.json");
        AtomicFiles.write(file, "{\"v\":1}");
        AtomicFiles.write(file, "{\"v\":2}");
        assertEquals("{\"v\":2}", Files.readString(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
