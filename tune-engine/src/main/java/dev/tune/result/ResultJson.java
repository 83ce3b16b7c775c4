package dev.tune.result;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tune.Mode;
import dev.tune.io.Json;
import dev.tune.result.ExperimentResult;
import dev.tune.result.MetricStats;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an {@link ExperimentResult} for export ({@code ExperimentResult.toJson}), with the store's
 * JSON spelling of values.
 *
 * <p>An experiment's outcome as pretty-printed JSON: {@code name}, {@code objective} (in words),
 * {@code searcher} (what searched, in words, when known),
 * {@code metrics} and {@code modes}, {@code seed}, {@code wallSeconds}, {@code bestTrialId} (single
 * objective only, null when no trial has a finite value), and {@code trials}, each with
 * {@code id}, {@code number}, {@code name}, {@code status}, {@code termination},
 * {@code iterations}, {@code config}, {@code metrics} (last values; non-finite ones as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}) and {@code error} (its summary or null).
 */
public final class ResultJson {

    private ResultJson() {
    }

    /** The result as pretty-printed JSON, ending with a newline. */
    public static String format(ExperimentResult result) {
        return new String(Json.pretty(out -> write(out, result)), StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator out, ExperimentResult result) throws IOException {
        Objective objective = result.objective();
        out.writeStartObject();
        out.writeStringField("name", result.name());
        out.writeStringField("objective", objective.describe(example(result)));
        if (result.searcherDescription().isPresent()) {
            out.writeStringField("searcher", result.searcherDescription().get());
        }
        out.writeArrayFieldStart("metrics");
        for (String metric : objective.metrics()) {
            out.writeString(metric);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("modes");
        for (Mode mode : objective.modes()) {
            out.writeString(mode.name().toLowerCase(Locale.ROOT));
        }
        out.writeEndArray();
        out.writeNumberField("seed", result.seed());
        out.writeNumberField("wallSeconds", result.wallTime().toNanos() / 1e9);
        if (!objective.isMultiObjective()) {
            out.writeStringField("bestTrialId", result.bestTrial().map(Trial::id).orElse(null));
        }
        out.writeArrayFieldStart("trials");
        for (Trial trial : result.trials()) {
            writeTrial(out, trial);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeTrial(JsonGenerator out, Trial trial) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", trial.id());
        out.writeNumberField("number", trial.number());
        out.writeStringField("name", trial.name());
        out.writeStringField("status", trial.status().name());
        out.writeStringField("termination", trial.termination().map(Enum::name).orElse(null));
        out.writeNumberField("iterations", trial.iterations());
        out.writeObjectFieldStart("config");
        for (Map.Entry<String, Object> entry : trial.config().asMap().entrySet()) {
            out.writeFieldName(entry.getKey());
            Json.writeValue(out, entry.getValue());
        }
        out.writeEndObject();
        out.writeObjectFieldStart("metrics");
        for (Map.Entry<String, MetricStats> entry : trial.metrics().entrySet()) {
            out.writeNumberField(entry.getKey(), entry.getValue().last());
        }
        out.writeEndObject();
        out.writeStringField("error", trial.error().map(TrialError::summary).orElse(null));
        out.writeEndObject();
    }

    private static Map<String, Double> example(ExperimentResult result) {
        return result.trials().stream().map(Trial::lastResult).flatMap(Optional::stream).findFirst()
                .map(Result::metrics).orElse(Map.of());
    }
}
