package dev.tune.store;

import dev.tune.Config;
import dev.tune.io.AtomicFiles;
import dev.tune.io.Json;
import dev.tune.result.Result;
import dev.tune.result.TrialError;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One trial's files in its directory: {@code params.json} (its config, written once),
 * {@code result.json} (one JSON line per result) and {@code progress.csv} (one row per result),
 * both kept open between results so that appending costs one flush each (or none, when the
 * store flushes after a batch of writes), and {@code error.txt}
 * (the stack trace of a failed trial). Used by one thread at a time, the trial's.
 */
final class TrialFiles implements Closeable {

    private final JsonLinesWriter results;
    private final ProgressCsv progress;

    /**
     * Opens nothing yet: each file is opened when its first line is written. {@code fresh}: the
     * directory was created just now, so it exists and holds no result files to continue (no file
     * system check is needed before the first line; B6 writes 100,000 such directories).
     */
    TrialFiles(Path dir, boolean flushEachLine, boolean fresh) {
        this.results = new JsonLinesWriter(dir.resolve(StoreLayout.RESULT), flushEachLine, fresh);
        this.progress = new ProgressCsv(dir.resolve(StoreLayout.PROGRESS), flushEachLine, fresh);
    }

    void flush() {
        try {
            results.flush();
        } finally {
            progress.flush();
        }
    }

    /** Writes {@code params.json}, creating the directory when missing; true when it created it (a fresh trial). */
    static boolean writeParams(Path dir, Config config) {
        boolean fresh;
        try {
            Files.createDirectory(dir);
            fresh = true;
        } catch (FileAlreadyExistsException e) {
            fresh = false; // a trial resumed, or a directory the user named twice
        } catch (NoSuchFileException e) {
            fresh = createWithParents(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create trial directory " + dir + ": " + e.getMessage(), e);
        }
        AtomicFiles.create(dir.resolve(StoreLayout.PARAMS), Json.pretty(out -> Json.writeConfig(out, config)));
        return fresh;
    }

    private static boolean createWithParents(Path dir) {
        try {
            Files.createDirectories(dir);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create trial directory " + dir + ": " + e.getMessage(), e);
        }
    }

    static void writeError(Path dir, TrialError error) {
        AtomicFiles.write(dir.resolve(StoreLayout.ERROR), error.stackTrace().getBytes(StandardCharsets.UTF_8));
    }

    /** Appends one result to {@code result.json} and {@code progress.csv}. */
    void append(Result result) {
        results.append(out -> ResultLine.write(out, result));
        progress.append(result);
    }

    @Override
    public void close() {
        try {
            results.close();
        } finally {
            progress.close();
        }
    }
}
