package dev.tune.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tune.io.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends JSON objects to a file, one per line, flushing each line as soon as it is written (or,
 * when built not to, whenever {@link #flush()} is called), so a crash cuts at most the line being
 * written. The file is opened at the first line, appended to
 * if it exists. After a failed write the next line starts on a fresh line, so one bad line never
 * swallows the next. Not thread-safe.
 */
final class JsonLinesWriter implements Closeable {

    private final Path file;
    private final boolean flushEachLine;
    /** True when the file's directory is known to exist (created just now): the first line checks nothing. */
    private final boolean directoryExists;
    private OutputStream stream;
    private JsonGenerator out;
    private boolean broken;

    JsonLinesWriter(Path file) {
        this(file, true);
    }

    JsonLinesWriter(Path file, boolean flushEachLine) {
        this(file, flushEachLine, false);
    }

    JsonLinesWriter(Path file, boolean flushEachLine, boolean directoryExists) {
        this.file = file;
        this.flushEachLine = flushEachLine;
        this.directoryExists = directoryExists;
    }

    /** Writes out the lines appended so far. */
    void flush() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            discard();
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one object whose fields {@code fields} writes; failures name the file. */
    void append(Json.Body fields) {
        try {
            if (out == null) {
                open();
            }
            out.writeStartObject();
            fields.write(out);
            out.writeEndObject();
            out.writeRaw('\n');
            if (flushEachLine) {
                out.flush();
            }
        } catch (IOException e) {
            discard();
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
    }

    private void open() throws IOException {
        if (!directoryExists) {
            StoreLayout.ensureDirectory(file.toAbsolutePath().getParent());
        }
        stream = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (broken) {
            stream.write('\n');
            broken = false;
        }
        out = Json.FACTORY.createGenerator(stream, JsonEncoding.UTF8);
        out.setRootValueSeparator(null);
    }

    /** Drops the generator without flushing what it holds of a half-written line. */
    private void discard() {
        broken = true;
        out = null;
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException ignored) {
            // the write failed already; that error is the one worth reporting
        } finally {
            stream = null;
        }
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            out = null;
            stream = null;
        }
    }
}
