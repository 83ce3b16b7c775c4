package dev.tune.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.StopTrialException;
import dev.tune.Trainable;
import dev.tune.result.TrialError;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.TrialBody;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import sun.misc.Signal;

/**
 * The main class of a child JVM ({@code tune.isolation=process}): connects to the parent, then runs
 * the trials the parent sends one after another, each through the trainable's own
 * {@link TrialBody}, until the parent says to exit or goes away. An instance kept for reuse
 * ({@code @Reset}) stays here between trials, as in Ray's reused actors.
 */
public final class ChildMain {

    /** The exit code of a child whose parent went away: its trials can no longer be recorded. */
    static final int PARENT_GONE = 70;

    private final Channel channel;
    private final Map<String, TrialBody> bodies = new HashMap<>();
    private TrialBody reusableBody;
    private Object reusable;
    private TrialBody running;

    private ChildMain(Channel channel) {
        this.channel = channel;
    }

    /** {@code args}: the parent's port on the loopback address, and the token that proves this is its child. */
    public static void main(String[] args) throws Exception {
        ignoreInterrupts();
        watchParent(System.in);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        Channel channel = new Channel(socket);
        channel.send(out -> {
            out.writeStringField("kind", "hello");
            out.writeStringField("token", args[1]);
            out.writeNumberField("pid", ProcessHandle.current().pid());
            out.writeNumberField("maxHeap", Runtime.getRuntime().maxMemory());
        });
        new ChildMain(channel).serve();
    }

    private void serve() throws IOException {
        while (true) {
            JsonNode message;
            try {
                message = channel.read();
            } catch (EOFException gone) {
                Runtime.getRuntime().halt(PARENT_GONE);
                return;
            }
            String kind = message.get("kind").asText();
            if (kind.equals("exit")) {
                discardReusable();
                channel.close();
                System.out.flush();
                System.err.flush();
                System.exit(0);
            } else if (kind.equals("run")) {
                run(message);
            } else if (kind.equals("release")) {
                discardReusable(); // its experiment ended: clean up as a slot does, then wait for the next
                channel.send(out -> out.writeStringField("kind", "released"));
            } else {
                throw new IOException("a child JVM cannot do '" + kind + "'");
            }
        }
    }

    private void run(JsonNode message) throws IOException {
        String outcome = "completed";
        TrialError error = null;
        try {
            TrialBody body = body(message.get("trainable").asText(), message.get("method"));
            if (reusableBody != null && reusableBody != body) {
                discardReusable(); // an instance of another trainable is no use to this one
            }
            running = body;
            body.run(new RemoteSession(channel, this, message));
        } catch (StopTrialException stopped) {
            outcome = "stopped";
        } catch (Throwable failure) {
            outcome = "failed";
            error = TrialError.of(failure);
        } finally {
            // after the trial's last output: the parent waits for this line before the trial's output goes elsewhere
            String mark = OutputPump.END_MARK + message.get("id").asText();
            System.out.println(mark);
            System.err.println(mark);
            System.out.flush();
            System.err.flush();
        }
        String ended = outcome;
        TrialError failed = error;
        channel.send(out -> {
            out.writeStringField("kind", "ended");
            out.writeStringField("outcome", ended);
            if (failed != null) {
                out.writeStringField("type", failed.type());
                out.writeStringField("message", failed.message());
                out.writeStringField("trace", failed.stackTrace());
            }
        });
    }

    private TrialBody body(String trainable, JsonNode method) throws ClassNotFoundException, NoSuchMethodException {
        String key = trainable + (method == null || method.isNull() ? "" : "#" + method.asText());
        TrialBody body = bodies.get(key);
        if (body == null) {
            Class<?> type = Class.forName(trainable, true, ChildMain.class.getClassLoader());
            body = method == null || method.isNull() ? Experiment.ofClass(type).body()
                    : Experiment.of(trainableMethod(type, method.asText())).body();
            bodies.put(key, body);
        }
        return body;
    }

    private static Method trainableMethod(Class<?> type, String name) throws NoSuchMethodException {
        for (Method each : type.getDeclaredMethods()) {
            if (each.getName().equals(name) && each.isAnnotationPresent(Trainable.class)) {
                return each;
            }
        }
        throw new NoSuchMethodException(type.getName() + "#" + name + " with @Trainable");
    }

    Object takeReusable() {
        Object instance = reusable;
        reusable = null;
        reusableBody = null;
        return instance;
    }

    void keepForReuse(Object instance) {
        reusable = instance;
        reusableBody = running;
    }

    private void discardReusable() {
        if (reusable != null) {
            reusableBody.discard(reusable);
            reusable = null;
            reusableBody = null;
        }
    }

    /** The parent holds this JVM's standard input: when it ends, the parent is gone, and so is this JVM. */
    private static void watchParent(InputStream parent) {
        Thread watch = new Thread(() -> {
            try {
                while (parent.read() >= 0) {
                    // the parent writes nothing; reading only waits for its end
                }
            } catch (IOException ignored) {
                // the same as its end
            }
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "tune-child-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Ctrl-C in a terminal reaches the whole process group: the parent decides how its trials end,
     * so the child does not die of it.
     */
    private static void ignoreInterrupts() {
        try {
            Signal.handle(new Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
            // a platform without SIGINT: nothing to ignore
        }
    }
}
