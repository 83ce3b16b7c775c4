package dev.tune.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.StopTrialException;
import dev.tune.TrialContext;
import dev.tune.io.Json;
import dev.tune.trainable.TrialSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parent's answers to a child's questions about one trial: each a call on the trial's own
 * {@link TrialSession} or {@link TrialContext}, so a result, a checkpoint or a pause is recorded
 * and decided exactly as in thread mode. A report answers with whether the trial goes on and its
 * iteration now.
 */
final class SessionCalls {

    private final TrialSession session;
    private final TrialContext context;

    SessionCalls(TrialSession session) {
        this.session = session;
        this.context = session.context();
    }

    /** The reply's fields for {@code call}; what the session throws, other than a stop, is the caller's. */
    Json.Body answer(JsonNode call) {
        String method = call.get("method").asText();
        switch (method) {
            case "report" -> {
                Map<String, Double> metrics = new LinkedHashMap<>();
                call.get("metrics").properties().forEach(e -> metrics.put(e.getKey(), Json.readDouble(e.getValue())));
                return goesOn(() -> session.report(metrics, call.get("done").asBoolean()));
            }
            case "reportMap" -> {
                return goesOn(() -> session.reportMap(values(call.get("metrics"))));
            }
            case "reportCheckpoint" -> {
                Path checkpoint = Path.of(call.get("path").asText());
                return goesOn(() -> {
                    context.report(values(call.get("metrics")), checkpoint);
                    return true;
                });
            }
            case "checkpointDue" -> {
                return path(session.checkpointDue(call.get("last").asBoolean()));
            }
            case "checkpointSaved" -> {
                session.checkpointSaved(Path.of(call.get("path").asText()));
                return out -> { };
            }
            case "trialDir" -> {
                String dir = context.trialDir().toAbsolutePath().toString();
                return out -> out.writeStringField("path", dir);
            }
            case "restoreFrom" -> {
                return path(session.restoreFrom());
            }
            case "pausing" -> {
                boolean pausing = session.pausing();
                return out -> out.writeBooleanField("value", pausing);
            }
            case "stopRequested" -> {
                boolean stop = context.isStopRequested();
                return out -> out.writeBooleanField("value", stop);
            }
            default -> throw new IllegalStateException("a child JVM asked '" + method + "', which no parent answers");
        }
    }

    /** Whether the trial goes on after a report, and its iteration; a stop thrown by the session is a no. */
    private Json.Body goesOn(Report report) {
        boolean more;
        try {
            more = report.more();
        } catch (StopTrialException stopped) {
            more = false;
        }
        boolean answer = more;
        long iteration = context.iteration();
        return out -> {
            out.writeBooleanField("more", answer);
            out.writeNumberField("iteration", iteration);
        };
    }

    private static Json.Body path(Optional<Path> path) {
        String text = path.map(p -> p.toAbsolutePath().toString()).orElse(null);
        return out -> out.writeStringField("path", text);
    }

    /** A reported map as user code gave it: numbers (and the strings of non-finite ones), booleans, text. */
    private static Map<String, Object> values(JsonNode metrics) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : metrics.properties()) {
            JsonNode value = entry.getValue();
            Object plain = value.isNumber() ? (Object) value.doubleValue()
                    : value.isBoolean() ? (Object) value.booleanValue()
                    : isNonFinite(value) ? (Object) Json.readDouble(value) : value.asText();
            values.put(entry.getKey(), plain);
        }
        return values;
    }

    private static boolean isNonFinite(JsonNode value) {
        String text = value.asText();
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }

    @FunctionalInterface
    private interface Report {
        boolean more() throws RuntimeException;
    }
}
