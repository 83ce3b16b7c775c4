package dev.tune.store;

import dev.tune.result.Result;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial's {@code progress.csv}, as Ray's: a header written with the first result, naming the
 * automatic fields and then that first result's metrics, and one row per result after it, empty
 * where a result lacks a column. The header cannot grow once written, so <b>a metric first
 * reported after the first result has no column here and is kept in {@code result.json} only</b>.
 * Reopening a file that already has a header continues its columns. Rows wait in a small text
 * buffer until a flush (or each is written at once, when built to flush each line): a run with
 * 100,000 one-result trials opens as many of these files, so each holds no more than its rows.
 * Not thread-safe.
 */
final class ProgressCsv implements Closeable {

    /** How many buffered characters make an append write its rows out. */
    private static final int LIMIT = 4096;

    private final Path file;
    private final boolean flushEachLine;
    private final boolean fresh;
    /** Rows not written out yet: the header and rows are built here, and written as UTF-8 bytes. */
    private final StringBuilder line = new StringBuilder(256);
    private OutputStream out;
    private List<String> metrics;

    /** {@code fresh}: the file's directory was created just now, so it exists and holds no such file yet. */
    ProgressCsv(Path file, boolean flushEachLine, boolean fresh) {
        this.file = file;
        this.flushEachLine = flushEachLine;
        this.fresh = fresh;
    }

    /** Writes out the rows appended so far. */
    void flush() {
        if (out == null || line.length() == 0) {
            return;
        }
        try {
            writeOut();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeOut() throws IOException {
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    /** Appends one row, writing the header first when the file is new; failures name the file. */
    void append(Result result) {
        try {
            if (out == null) {
                open(result);
            }
            cell(result.trialId()).append(',').append(result.iteration()).append(',')
                    .append(result.timeThisIterSeconds()).append(',').append(result.timeTotalSeconds()).append(',')
                    .append(result.timeSinceRestoreSeconds()).append(',').append(result.timestamp()).append(',')
                    .append(result.iterationsSinceRestore()).append(',').append(result.done());
            for (String metric : metrics) {
                line.append(',');
                Double value = result.metrics().get(metric);
                if (value != null) {
                    line.append(value.doubleValue());
                }
            }
            line.append('\n');
            if (flushEachLine || line.length() > LIMIT) {
                writeOut();
            }
        } catch (IOException e) {
            try {
                close();
            } catch (UncheckedIOException ignored) {
                // the write failed already; that error is the one worth reporting
            }
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private void open(Result first) throws IOException {
        if (!fresh) {
            StoreLayout.ensureDirectory(file.toAbsolutePath().getParent());
        }
        List<String> existing = !fresh && Files.isRegularFile(file) ? header(file) : List.of();
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        line.setLength(0);
        if (existing.size() >= ResultLine.AUTOMATIC.size()) {
            metrics = existing.subList(ResultLine.AUTOMATIC.size(), existing.size());
            return;
        }
        metrics = List.copyOf(first.metrics().keySet());
        for (String name : ResultLine.AUTOMATIC) {
            cell(name).append(',');
        }
        for (String name : metrics) {
            cell(name).append(',');
        }
        line.setLength(line.length() - 1);
        line.append('\n'); // goes out with the first row
    }

    private StringBuilder cell(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? line.append('"').append(text.replace("\"", "\"\"")).append('"') : line.append(text);
    }

    /** The column names of an existing file's first line, or none when it is empty. */
    private static List<String> header(Path file) throws IOException {
        String first;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = in.readLine();
        }
        List<String> cells = new ArrayList<>();
        if (first == null || first.isEmpty()) {
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (quoted && c == '"' && i + 1 < first.length() && first.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try (OutputStream closing = out) {
            if (line.length() > 0) {
                writeOut();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            out = null;
            line.setLength(0);
        }
    }
}
