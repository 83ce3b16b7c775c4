package dev.tune.process;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.StopTrialException;
import dev.tune.TrialContext;
import dev.tune.io.Json;
import dev.tune.result.RemoteFailure;
import dev.tune.result.TrialError;
import dev.tune.trainable.TrialBody;
import dev.tune.trainable.TrialSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One slot's trials run in a child JVM ({@code tune.isolation=process}): the slot's thread sends
 * each trial to its child and answers the child's questions through the trial's own
 * {@link TrialSession}, so results, checkpoints and the runner's decisions are the same as in
 * thread mode. The child is reused from trial to trial, as Ray reuses actors, unless it died, its
 * trial's GPUs differ, or {@code tune.isolation.jvmPerTrial} asks for a fresh one each time; when
 * the slot ends it waits in the {@link ChildPool} for the next experiment. A
 * child that dies costs its trial a {@link JvmExitedException}; a time limit's interrupt ends the
 * child with SIGTERM, then SIGKILL.
 */
public final class ProcessBody implements TrialBody {

    private final ChildLauncher launcher;
    private final boolean reuse;
    private final boolean jvmPerTrial;
    private final long graceMillis;
    private final boolean logToFile;
    private ChildJvm child;

    /**
     * A slot's body: children from {@code launcher}; {@code reuse} keeps an instance with
     * {@code @Reset} for the child's next trial; {@code graceMillis} is how long a time limit waits
     * before SIGKILL.
     */
    public ProcessBody(ChildLauncher launcher, boolean reuse, boolean jvmPerTrial, long graceMillis,
            boolean logToFile) {
        this.launcher = launcher;
        this.reuse = reuse;
        this.jvmPerTrial = jvmPerTrial;
        this.graceMillis = graceMillis;
        this.logToFile = logToFile;
    }

    @Override
    public void run(TrialSession session) throws Throwable {
        TrialContext context = session.context();
        List<Integer> gpus = context.gpuIds();
        if (child != null && (!child.alive() || !child.gpus().equals(gpus))) {
            close();
        }
        if (child == null) {
            child = launcher.start(gpus, () -> System.out, () -> System.err, !jvmPerTrial);
        }
        ChildJvm jvm = child;
        try (TrialPrints prints = logToFile ? TrialPrints.toFiles(context.trialDir()) : TrialPrints.console()) {
            jvm.printTo(prints::out, prints::err);
            send(jvm, context, out -> runMessage(out, session, context));
            serve(jvm, session, context);
        } finally {
            if (child != null) {
                child.printTo(() -> System.out, () -> System.err);
                if (jvmPerTrial) {
                    child.close();
                    child = null;
                }
            }
        }
    }

    private void runMessage(JsonGenerator out, TrialSession session, TrialContext context)
            throws IOException {
        out.writeStringField("kind", "run");
        out.writeStringField("trainable", launcher.experiment().type().getName());
        out.writeStringField("method", launcher.experiment().method().map(m -> m.getName()).orElse(null));
        out.writeStringField("id", context.trialId());
        out.writeStringField("name", context.trialName());
        out.writeNumberField("seed", context.seed());
        out.writeFieldName("config");
        Json.writeConfig(out, context.config());
        out.writeArrayFieldStart("gpus");
        for (int gpu : context.gpuIds()) {
            out.writeNumber(gpu);
        }
        out.writeEndArray();
        out.writeStringField("numberMetric", session.numberMetric());
        out.writeBooleanField("reuse", reuse);
        out.writeNumberField("iteration", context.iteration());
    }

    /** Answers the child until it says the trial ended; throws what ended it otherwise. */
    private void serve(ChildJvm jvm, TrialSession session, TrialContext context) {
        RuntimeException refused = null;
        SessionCalls calls = new SessionCalls(session);
        while (true) {
            JsonNode message;
            try {
                message = jvm.next();
            } catch (InterruptedException limit) {
                // a time limit or the end of the experiment interrupted the slot: the child's step will not return
                jvm.terminate(graceMillis / 2);
                child = null;
                Thread.currentThread().interrupt();
                throw new StopTrialException("trial " + context.trialName() + " was ended with its JVM (pid "
                        + jvm.pid() + ")");
            }
            if (message == ChildJvm.GONE) {
                throw lost(jvm, context);
            }
            String kind = message.get("kind").asText();
            if (kind.equals("call")) {
                Json.Body reply;
                try {
                    reply = calls.answer(message);
                } catch (RuntimeException e) {
                    refused = e; // the trial fails with the runner's own exception, as in thread mode
                    String why = String.valueOf(e.getMessage());
                    reply = out -> out.writeStringField("refused", why);
                }
                Json.Body fields = reply;
                send(jvm, context, out -> {
                    out.writeStringField("kind", "reply");
                    fields.write(out);
                });
            } else if (kind.equals("ended")) {
                try {
                    jvm.drainOutput(context.trialId());
                } catch (InterruptedException limit) {
                    Thread.currentThread().interrupt(); // the trial has ended: the limit is for the next one's
                }
                ended(message, refused, context);
                return;
            }
        }
    }

    /** Sends to the child; a line that broke means the child is gone, which costs the trial. */
    private void send(ChildJvm jvm, TrialContext context, Json.Body message) {
        try {
            jvm.send(message);
        } catch (IOException gone) {
            throw lost(jvm, context);
        }
    }

    /** The trial's child died: why, in words, and the slot gets a fresh child for its next trial. */
    private JvmExitedException lost(ChildJvm jvm, TrialContext context) {
        String how = jvm.death(launcher.heap());
        child = null;
        return new JvmExitedException("Trial " + context.trialName() + " lost its JVM (pid " + jvm.pid() + "): it "
                + how);
    }

    private static void ended(JsonNode message, RuntimeException refused, TrialContext context) {
        switch (message.get("outcome").asText()) {
            case "completed" -> {
            }
            case "stopped" -> throw new StopTrialException("trial " + context.trialId() + " was stopped");
            default -> {
                if (refused != null) {
                    throw refused;
                }
                throw new RemoteFailure(new TrialError(Json.text(message, "type"), Json.text(message, "message"),
                        Json.text(message, "trace")));
            }
        }
    }

    @Override
    public void discard(Object instance) {
        // instances live in the child, which discards its own
    }

    /** The slot ends: its child cleans up an instance it kept for reuse, and waits for another experiment. */
    @Override
    public void close() {
        if (child != null) {
            if (child.alive() && !jvmPerTrial) {
                launcher.release(child);
            } else {
                child.close();
            }
            child = null;
        }
    }

    /** Where a trial's output goes while its child runs it. */
    private record TrialPrints(PrintStream out, PrintStream err, boolean owned) implements AutoCloseable {
        static TrialPrints console() {
            return new TrialPrints(System.out, System.err, false);
        }

        static TrialPrints toFiles(Path dir) throws IOException {
            return new TrialPrints(append(dir.resolve("stdout")), append(dir.resolve("stderr")), true);
        }

        private static PrintStream append(Path file) throws IOException {
            return new PrintStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), true);
        }

        @Override
        public void close() {
            if (owned) {
                out.close();
                err.close();
            }
        }
    }
}
