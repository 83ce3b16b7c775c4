package dev.tune.process;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.Config;
import dev.tune.StopTrialException;
import dev.tune.TrialContext;
import dev.tune.io.Json;
import dev.tune.trainable.TrialSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trial as its child JVM runs it: the {@link TrialContext} user code holds and the
 * {@link TrialSession} its body reports through, each call that needs the runner a question to the
 * parent over the {@link Channel}. What stays fixed for the run (id, name, seed, config, directory,
 * GPUs) came with the run message; an instance kept for reuse stays in this JVM.
 */
final class RemoteSession implements TrialContext, TrialSession {

    private final Channel channel;
    private final ChildMain child;
    private final String id;
    private final String name;
    private final long seed;
    private final Config config;
    /** The trial's directory, asked of the parent (which creates it) the first time user code wants it. */
    private Path dir;
    private final List<Integer> gpuIds;
    private final String numberMetric;
    private final boolean reuse;
    private volatile long iteration;

    RemoteSession(Channel channel, ChildMain child, JsonNode run) {
        this.channel = channel;
        this.child = child;
        this.id = run.get("id").asText();
        this.name = run.get("name").asText();
        this.seed = run.get("seed").asLong();
        this.config = Json.readConfig(run.get("config"));
        List<Integer> gpus = new ArrayList<>();
        run.get("gpus").forEach(g -> gpus.add(g.asInt()));
        this.gpuIds = List.copyOf(gpus);
        this.numberMetric = run.get("numberMetric").asText();
        this.reuse = run.get("reuse").asBoolean();
        this.iteration = run.get("iteration").asLong();
    }

    // --- TrialContext (user code) ---

    @Override
    public String trialId() {
        return id;
    }

    @Override
    public String trialName() {
        return name;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public List<Integer> gpuIds() {
        return gpuIds;
    }

    @Override
    public Path trialDir() {
        if (dir == null) {
            dir = path(call("trialDir", out -> { })).orElseThrow();
        }
        return dir;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public void report(Map<String, ?> metrics) {
        if (!reportMap(metrics)) {
            throw new StopTrialException("trial " + id + " was stopped");
        }
    }

    @Override
    public void report(Map<String, ?> metrics, Path checkpoint) {
        JsonNode reply = call("reportCheckpoint", out -> {
            writeMap(out, metrics);
            out.writeStringField("path", checkpoint.toAbsolutePath().toString());
        });
        if (!reply.get("more").asBoolean()) {
            throw new StopTrialException("trial " + id + " was stopped");
        }
    }

    @Override
    public boolean reportMap(Map<String, ?> metrics) {
        return call("reportMap", out -> writeMap(out, metrics)).get("more").asBoolean();
    }

    @Override
    public boolean isStopRequested() {
        return call("stopRequested", out -> { }).get("value").asBoolean();
    }

    @Override
    public Optional<Path> latestCheckpoint() {
        return restoreFrom();
    }

    // --- TrialSession (the trainable adapter) ---

    @Override
    public TrialContext context() {
        return this;
    }

    @Override
    public boolean report(Map<String, Double> metrics, boolean done) {
        return call("report", out -> {
            writeMap(out, metrics);
            out.writeBooleanField("done", done);
        }).get("more").asBoolean();
    }

    @Override
    public Optional<Path> checkpointDue(boolean last) {
        return path(call("checkpointDue", out -> out.writeBooleanField("last", last)));
    }

    @Override
    public void checkpointSaved(Path dir) {
        call("checkpointSaved", out -> out.writeStringField("path", dir.toAbsolutePath().toString()));
    }

    @Override
    public Optional<Path> restoreFrom() {
        return path(call("restoreFrom", out -> { }));
    }

    @Override
    public boolean pausing() {
        return call("pausing", out -> { }).get("value").asBoolean();
    }

    @Override
    public void keepPaused(Object instance) {
        throw new IllegalStateException("Trial " + name + " was paused, but in a child JVM (tune.isolation=process)"
                + " a paused trial cannot stay in memory: another child may resume it. Give "
                + instance.getClass().getName() + " @Checkpoint members, or run it with tune.isolation=thread");
    }

    @Override
    public Object takePaused() {
        return null;
    }

    @Override
    public String numberMetric() {
        return numberMetric;
    }

    @Override
    public Object takeReusable() {
        return child.takeReusable();
    }

    @Override
    public boolean keepForReuse(Object instance) {
        if (!reuse) {
            return false;
        }
        child.keepForReuse(instance);
        return true;
    }

    /** Asks the parent; a refusal (the parent's session threw) is thrown here with its message. */
    private synchronized JsonNode call(String method, Json.Body fields) {
        JsonNode reply;
        try {
            channel.send(out -> {
                out.writeStringField("kind", "call");
                out.writeStringField("method", method);
                fields.write(out);
            });
            reply = channel.read();
        } catch (IOException e) {
            // the parent is gone: nothing this trial does can be recorded any more
            Runtime.getRuntime().halt(ChildMain.PARENT_GONE);
            throw new UncheckedIOException(e);
        }
        if (reply.has("refused")) {
            throw new IllegalStateException(reply.get("refused").asText());
        }
        if (reply.has("iteration")) {
            iteration = reply.get("iteration").asLong();
        }
        return reply;
    }

    private static Optional<Path> path(JsonNode reply) {
        JsonNode path = reply.get("path");
        return path == null || path.isNull() ? Optional.empty() : Optional.of(Path.of(path.asText()));
    }

    private static void writeMap(JsonGenerator out, Map<String, ?> metrics) throws IOException {
        out.writeObjectFieldStart("metrics");
        for (Map.Entry<String, ?> entry : metrics.entrySet()) {
            out.writeFieldName(entry.getKey());
            Json.writeValue(out, entry.getValue());
        }
        out.writeEndObject();
    }
}
