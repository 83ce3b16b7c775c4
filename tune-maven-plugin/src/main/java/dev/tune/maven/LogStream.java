package dev.tune.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.logging.Log;

/**
 * A {@link PrintStream} that hands each printed line to Maven's {@link Log#info}, so the tuner's
 * progress table and summary appear in the build log as {@code [INFO]} lines, in order, and obey
 * {@code -q} like everything else Maven prints. The tuner prints from several threads; lines never
 * interleave because {@link PrintStream} writes each {@code println} under its own lock.
 */
final class LogStream extends PrintStream {

    LogStream(Log log) {
        super(new Lines(log), true, StandardCharsets.UTF_8);
    }

    /** Collects bytes up to each line end, then logs the line. */
    private static final class Lines extends OutputStream {

        private final Log log;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(Log log) {
            this.log = log;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            log.info(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
