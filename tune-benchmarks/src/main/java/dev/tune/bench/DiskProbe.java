package dev.tune.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures what the file system costs right now for the files one persisted trial needs at
 * least (its directory, its config, its results, its progress table), without tune, so that a
 * persisted figure can be read against the disk it ran on: on a shared machine this cost moves
 * by several times from one minute to the next.
 */
final class DiskProbe {

    private DiskProbe() {
    }

    /** Microseconds per trial to create a directory and three one-line files in it, on one thread. */
    static double microsPerTrial(int trials) {
        Path root;
        try {
            root = Files.createTempDirectory("tune-bench-disk-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long start = System.nanoTime();
            for (int i = 0; i < trials; i++) {
                Path dir = Files.createDirectory(root.resolve("trial_" + i));
                for (String name : new String[] {"params.json", "result.json", "progress.csv"}) {
                    try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                        out.write("{\"x\":0.5}\n".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return (System.nanoTime() - start) / 1e3 / trials;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ScratchDirs.delete(root);
        }
    }
}
