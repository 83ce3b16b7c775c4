package dev.tune.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a file of JSON lines, skipping every line that does not parse with an SLF4J warning that
 * names the file and the line: a truncated last line (a crash mid-write) or a corrupted one.
 * Blank lines are ignored, malformed UTF-8 is replaced rather than fatal, and a missing file has
 * no lines.
 */
final class JsonLinesReader {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesReader.class);

    /** Turns one line into a value; throws when the line is not what it should be. */
    interface LineParser<T> {
        T parse(String line) throws IOException;
    }

    private JsonLinesReader() {
    }

    /** Every line of {@code file} that {@code parser} accepts, in order. */
    static <T> List<T> read(Path file, LineParser<T> parser) {
        List<T> values = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String line = in.readLine();
            for (int number = 1; line != null; number++) {
                String next = in.readLine();
                if (!line.isBlank()) {
                    parseInto(values, parser, line, file, number, next == null);
                }
                line = next;
            }
        } catch (NoSuchFileException e) {
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    /** Takes the values of a file's lines, in order. */
    interface LineSink<T> {
        void accept(T value);
    }

    /**
     * As {@link #read}, handing each value to {@code sink} instead of keeping them, and parsing
     * chunks of lines on every core: for a large file of independent lines (an experiment's
     * journal), where parsing costs more than reading. Memory stays one chunk of lines and values.
     * Same order, same warnings.
     */
    static <T> void readParallel(Path file, LineParser<T> parser, LineSink<T> sink) {
        int chunk = 2048;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            List<String> lines = new ArrayList<>(chunk);
            int first = 1;
            String line = in.readLine();
            while (line != null) {
                lines.add(line);
                line = in.readLine();
                if (lines.size() == chunk || line == null) {
                    parseChunk(lines, first, line == null, parser, file).forEach(sink::accept);
                    first += lines.size();
                    lines.clear();
                }
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> List<T> parseChunk(List<String> lines, int first, boolean lastChunk, LineParser<T> parser,
            Path file) {
        List<List<T>> parsed = IntStream.range(0, lines.size()).parallel().mapToObj(i -> {
            List<T> one = new ArrayList<>(1);
            if (!lines.get(i).isBlank()) {
                parseInto(one, parser, lines.get(i), file, first + i, lastChunk && i == lines.size() - 1);
            }
            return one;
        }).toList();
        List<T> values = new ArrayList<>(lines.size());
        parsed.forEach(values::addAll);
        return values;
    }

    private static <T> void parseInto(List<T> values, LineParser<T> parser, String line, Path file, int number,
            boolean last) {
        try {
            values.add(parser.parse(line));
        } catch (IOException | RuntimeException e) {
            String what = last ? "its last line, cut short (probably a write interrupted by a crash)"
                    : "a corrupted line";
            LOG.warn("Skipping line {} of {}: {}: {}", number, file, what, e.getMessage());
        }
    }
}
