package dev.tune.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tune.io.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One running child JVM as the parent holds it: its process, the {@link Channel} to it, and its
 * output. Messages from the child wait in a queue that the slot's thread takes from, so a time
 * limit can interrupt that thread as it would interrupt a step running in it.
 */
final class ChildJvm implements AutoCloseable {

    /** Put in the queue when the line closed: the child exited, or is about to. */
    static final JsonNode GONE = MissingNode.getInstance();
    /** The lines of stderr a message about the child's end shows, at most. */
    private static final int SHOWN_LINES = 20;

    private final Process process;
    private final Channel channel;
    private final OutputPump out;
    private final OutputPump err;
    private final List<Integer> gpus;
    private final long maxHeap;
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();

    private ChildJvm(Process process, Channel channel, OutputPump out, OutputPump err, List<Integer> gpus,
            long maxHeap) {
        this.process = process;
        this.channel = channel;
        this.out = out;
        this.err = err;
        this.gpus = gpus;
        this.maxHeap = maxHeap;
        Thread reader = new Thread(this::read, "tune-child-" + process.pid() + "-line");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} (which ends with the parent's port and a token the child sends back)
     * and waits for the child's hello on {@code server}; throws {@link JvmExitedException} when the
     * child exits or stays silent first.
     */
    static ChildJvm start(ProcessBuilder command, ServerSocket server, String token, List<Integer> gpus,
            Supplier<PrintStream> console, Supplier<PrintStream> consoleErr, long startTimeoutMillis)
            throws IOException {
        Process process = command.start();
        String name = "tune-child-" + process.pid();
        OutputPump out = new OutputPump(process.getInputStream(), console, name + "-out");
        OutputPump err = new OutputPump(process.getErrorStream(), consoleErr, name + "-err");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startTimeoutMillis);
        server.setSoTimeout(100);
        try (server) {
            while (true) {
                Socket socket;
                try {
                    socket = server.accept();
                } catch (SocketTimeoutException notYet) {
                    boolean late = System.nanoTime() > deadline;
                    boolean stopped = Thread.currentThread().isInterrupted();
                    if (!process.isAlive() || late || stopped) {
                        throw notStarted(process, err, late ? "did not connect within " + startTimeoutMillis / 1000
                                + " s" : stopped ? "was ended before it started: its slot was interrupted" : null);
                    }
                    continue;
                }
                socket.setSoTimeout((int) startTimeoutMillis); // a stranger that connects and says nothing
                Channel channel = new Channel(socket);
                JsonNode hello = channel.read();
                if (!token.equals(Json.text(hello, "token"))) {
                    channel.close(); // not our child: keep waiting for it
                    continue;
                }
                socket.setSoTimeout(0);
                return new ChildJvm(process, channel, out, err, gpus, hello.get("maxHeap").asLong());
            }
        }
    }

    /** Ends a child that never said hello; {@code why} is null when it exited on its own. */
    private static JvmExitedException notStarted(Process process, OutputPump err, String why) {
        process.destroyForcibly();
        int code = waitFor(process);
        List<String> tail = err.tail(1000);
        return new JvmExitedException("A child JVM " + (why != null ? why
                : "exited before it started: " + ExitStatus.describe(code, tail, "its heap")) + lastLines(tail));
    }

    private void read() {
        try {
            while (true) {
                inbox.put(channel.read());
            }
        } catch (IOException | InterruptedException gone) {
            inbox.add(GONE);
        }
    }

    /** The next message from the child; {@link #GONE} once it closed the line. */
    JsonNode next() throws InterruptedException {
        JsonNode message = inbox.take();
        if (message == GONE) {
            inbox.add(GONE); // every later take sees it too
        }
        return message;
    }

    void send(Json.Body fields) throws IOException {
        channel.send(fields);
    }

    long pid() {
        return process.pid();
    }

    /** The devices in this child's {@code CUDA_VISIBLE_DEVICES}. */
    List<Integer> gpus() {
        return gpus;
    }

    /** The heap the child reported, in bytes. */
    long maxHeap() {
        return maxHeap;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The trial that starts now prints to {@code stdout} and {@code stderr}; its stderr tail starts empty. */
    void printTo(Supplier<PrintStream> stdout, Supplier<PrintStream> stderr) {
        out.sendTo(stdout);
        err.sendTo(stderr);
        out.clearTail();
        err.clearTail();
    }

    /** Waits, at most a second, until everything the child printed for trial {@code id} has come through. */
    void drainOutput(String id) throws InterruptedException {
        String mark = OutputPump.END_MARK + id;
        out.awaitMark(mark, 1000);
        err.awaitMark(mark, 1000);
    }

    /** Waits for the child to exit (it closed its line), then says how: its exit code or signal and last lines. */
    String death(Heap heap) {
        int code = waitFor(process);
        List<String> tail = err.tail(2000);
        List<String> crash = ExitStatus.crashReport(out.tail(2000));
        List<String> shown = crash.isEmpty() ? tail : crash;
        return ExitStatus.describe(code, shown, heap.describe(maxHeap))
                + (crash.isEmpty() ? lastLines(tail) : ". The JVM's crash report on its stdout:\n    "
                        + String.join("\n    ", crash));
    }

    /**
     * Ends the child as a time limit ends it: SIGTERM, then SIGKILL when it has not exited after
     * {@code graceMillis}.
     */
    void terminate(long graceMillis) {
        process.destroy();
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(graceMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        channel.close();
    }

    /**
     * Asks the child to clean up the instance it kept for reuse, and waits for its word: it is then
     * idle. False when it did not answer (it is gone, or busy in a step that did not return).
     */
    boolean release() {
        try {
            channel.send(out -> out.writeStringField("kind", "release"));
            JsonNode answer = inbox.poll(5, TimeUnit.SECONDS);
            return answer != null && answer != GONE && "released".equals(Json.text(answer, "kind"));
        } catch (IOException gone) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the child to exit (it cleans up an instance kept for reuse); kills it when it does not within 5 s. */
    @Override
    public void close() {
        try {
            channel.send(out -> out.writeStringField("kind", "exit"));
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException gone) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        channel.close();
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly(); // closed its line but did not exit: it can run no trial now
                return process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    private static String lastLines(List<String> tail) {
        List<String> last = tail.subList(Math.max(0, tail.size() - SHOWN_LINES), tail.size());
        return last.isEmpty() ? "; it wrote nothing to stderr"
                : ". The last lines of its stderr:\n    " + String.join("\n    ", last);
    }
}
