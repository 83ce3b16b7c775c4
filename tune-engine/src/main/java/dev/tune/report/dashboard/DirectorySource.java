package dev.tune.report.dashboard;

import dev.tune.report.html.ReportInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An experiment directory, perhaps still being written by a run in another JVM: its version is
 * the size of its journal and of every trial's {@code result.json}, and its state file's time, so
 * a new trial, result or end is seen at the next look.
 */
final class DirectorySource implements ReportSource {

    private final Path dir;

    DirectorySource(Path dir) {
        this.dir = dir;
    }

    @Override
    public ReportInput read() {
        return ReportInput.of(dir);
    }

    @Override
    public long version() {
        long version = size(dir.resolve("trials.jsonl")) * 31 + modified(dir.resolve("experiment-state.json"));
        try (Stream<Path> trials = Files.list(dir)) {
            for (Path trial : (Iterable<Path>) trials.filter(Files::isDirectory)::iterator) {
                version = version * 31 + size(trial.resolve("result.json"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return version;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
