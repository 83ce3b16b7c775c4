package dev.tune.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * Where an experiment's files go. A new run never overwrites an earlier one: a directory that
 * already holds results is moved aside to {@code <name>-<its start time>} first, so the newest
 * run is always at {@code <storagePath>/<name>} and nothing written before is lost.
 */
final class ExperimentDirs {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ExperimentDirs() {
    }

    static Path prepare(Path dir) {
        try {
            if (Files.isDirectory(dir) && !isEmpty(dir)) {
                Path marker = dir.resolve("experiment.json");
                var time = Files.getLastModifiedTime(Files.exists(marker) ? marker : dir).toInstant();
                String stamp = LocalDateTime.ofInstant(time, ZoneId.systemDefault()).format(STAMP);
                Path aside = dir.resolveSibling(dir.getFileName() + "-" + stamp);
                for (int i = 2; Files.exists(aside); i++) {
                    aside = dir.resolveSibling(dir.getFileName() + "-" + stamp + "-" + i);
                }
                Files.move(dir, aside);
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the experiment directory " + dir, e);
        }
    }

    static Path temporary(String name) {
        try {
            Path dir = Files.createTempDirectory("tune-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for trials", e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
