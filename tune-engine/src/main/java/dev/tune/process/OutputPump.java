package dev.tune.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Copies one of a child JVM's output streams, line by line, to where the trial it runs now prints
 * (the console, or the trial's file with {@code tune.logToFile}), and keeps its last lines for the
 * message when the child dies.
 */
final class OutputPump implements Runnable {

    /** Lines kept: a JVM's crash report (about 20 lines) with what came just before it. */
    private static final int TAIL_LINES = 40;
    /** How a line that marks the end of a trial's output begins; the pump passes it on to no one. */
    static final String END_MARK = "\u001etune-trial-output-ends ";

    private final BufferedReader lines;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile Supplier<PrintStream> target;
    private String lastMark;
    private final Thread thread;

    OutputPump(InputStream stream, Supplier<PrintStream> target, String name) {
        this.lines = new BufferedReader(new InputStreamReader(stream, Charset.defaultCharset()));
        this.target = target;
        // no thread-locals from the slot's thread: tune.logToFile routes that thread's own output to its trial's files
        this.thread = new Thread(null, this, name, 0, false);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(END_MARK)) {
                    passed(line);
                    continue;
                }
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                PrintStream out = target.get();
                out.println(line);
            }
        } catch (IOException ignored) {
            // the child is gone; what it printed last is in the tail
        }
    }

    private synchronized void passed(String mark) {
        lastMark = mark;
        notifyAll();
    }

    /**
     * Waits, at most {@code millis}, until the line {@code mark} (which the child printed after its
     * trial's last output) has come through: everything the trial printed is then where it belongs.
     */
    synchronized void awaitMark(String mark, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (!mark.equals(lastMark) && thread.isAlive()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Lines go to {@code next} from now on. */
    void sendTo(Supplier<PrintStream> next) {
        target = next;
    }

    /** Forgets the lines so far: the tail then holds only what the next trial prints. */
    void clearTail() {
        synchronized (tail) {
            tail.clear();
        }
    }

    /** The last lines, once the stream ended or {@code waitMillis} passed. */
    List<String> tail(long waitMillis) {
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }
}
