package dev.tune.store;

import dev.tune.io.AtomicFiles;
import dev.tune.io.Json;
import dev.tune.Config;
import dev.tune.result.Result;
import dev.tune.result.TrialError;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
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

    /** Opens nothing yet: each file is opened when its first line is written. */
    TrialFiles(Path dir, boolean flushEachLine) {
        this.results = new JsonLinesWriter(dir.resolve(StoreLayout.RESULT), flushEachLine);
        this.progress = new ProgressCsv(dir.resolve(StoreLayout.PROGRESS), flushEachLine);
    }

    void flush() {
        try {
            results.flush();
        } finally {
            progress.flush();
        }
    }

    static void writeParams(Path dir, Config config) {
        try {
            StoreLayout.ensureDirectory(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create trial directory " + dir + ": " + e.getMessage(), e);
        }
        AtomicFiles.create(dir.resolve(StoreLayout.PARAMS), Json.pretty(out -> Json.writeConfig(out, config)));
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
