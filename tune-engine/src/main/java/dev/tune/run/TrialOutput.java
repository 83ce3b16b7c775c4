package dev.tune.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Ray's {@code log_to_file}: while a trial runs, what its thread (and threads it starts) prints to
 * {@code System.out} and {@code System.err} goes to {@code stdout} and {@code stderr} files in the
 * trial's directory instead. Other threads print as before. Installed for one experiment and
 * removed at its end.
 */
class TrialOutput implements AutoCloseable {

    private static final TrialOutput NONE = new TrialOutput();

    TrialOutput() {
    }

    static TrialOutput none() {
        return NONE;
    }

    static TrialOutput toFiles() {
        return new Redirected();
    }

    void enter(LiveTrial trial) {
    }

    void leave() {
    }

    @Override
    public void close() {
    }

    /** The routing implementation. */
    private static final class Redirected extends TrialOutput {
        private final PrintStream originalOut = System.out;
        private final PrintStream originalErr = System.err;
        private final InheritableThreadLocal<OutputStream[]> current = new InheritableThreadLocal<>();

        Redirected() {
            System.setOut(new PrintStream(new Router(originalOut, 0), true));
            System.setErr(new PrintStream(new Router(originalErr, 1), true));
        }

        @Override
        void enter(LiveTrial trial) {
            try {
                var dir = trial.trialDir();
                current.set(new OutputStream[] {
                    Files.newOutputStream(dir.resolve("stdout"), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    Files.newOutputStream(dir.resolve("stderr"), StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)});
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the output files of trial " + trial.trialName(), e);
            }
        }

        @Override
        void leave() {
            OutputStream[] streams = current.get();
            current.remove();
            if (streams != null) {
                for (OutputStream stream : streams) {
                    try {
                        stream.close();
                    } catch (IOException ignored) {
                        // the trial's output is best effort once the trial has ended
                    }
                }
            }
        }

        @Override
        public void close() {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        private final class Router extends OutputStream {
            private final OutputStream fallback;
            private final int index;

            Router(OutputStream fallback, int index) {
                this.fallback = fallback;
                this.index = index;
            }

            private OutputStream target() {
                OutputStream[] streams = current.get();
                return streams == null ? fallback : streams[index];
            }

            @Override
            public void write(int b) throws IOException {
                target().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                target().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                target().flush();
            }
        }
    }
}
