package dev.tune.report.dashboard;

import dev.tune.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The experiments directly under a results directory. A name is served only when it is exactly one
 * of them: a path, {@code ..}, or anything that resolves elsewhere is refused.
 */
final class DirectoryCatalog implements Catalog {

    private final Path root;

    DirectoryCatalog(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<Entry> list() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("experiment.json"))).sorted()
                    .map(d -> new Entry(d.getFileName().toString(), status(d))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    @Override
    public Optional<ReportSource> source(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path dir = root.resolve(name).normalize();
        if (!root.equals(dir.getParent()) || !Files.isRegularFile(dir.resolve("experiment.json"))) {
            return Optional.empty();
        }
        return Optional.of(new DirectorySource(dir));
    }

    @Override
    public String where() {
        return root.toString();
    }

    private static String status(Path dir) {
        try {
            return Json.readJsonObject(dir.resolve("experiment-state.json")).path("status").asText("RUNNING");
        } catch (IOException | RuntimeException e) {
            return "RUNNING";
        }
    }
}
