package dev.tune.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.io.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of {@code experiment.json} ({@link ExperimentInfo}) and {@code experiment-state.json}
 * ({@link ExperimentState}), both ways: one field per record component with the component's name,
 * instants as ISO-8601 text.
 */
final class ExperimentJson {

    private ExperimentJson() {
    }

    static byte[] write(ExperimentInfo info) {
        return Json.pretty(out -> {
            out.writeStartObject();
            out.writeStringField("name", info.name());
            out.writeStringField("trainable", info.trainable());
            out.writeStringField("tag", info.tag());
            out.writeNumberField("seed", info.seed());
            out.writeNumberField("samples", info.samples());
            out.writeStringField("searcher", info.searcher());
            out.writeStringField("searcherDescription", info.searcherDescription());
            writeStrings(out, "metrics", info.metrics());
            writeStrings(out, "modes", info.modes());
            out.writeStringField("objective", info.objective());
            writeTexts(out, "space", info.space());
            writeTexts(out, "options", info.options());
            out.writeStringField("startedAt", info.startedAt() == null ? null : info.startedAt().toString());
            out.writeEndObject();
        });
    }

    static ExperimentInfo readInfo(JsonNode node) {
        return new ExperimentInfo(Json.text(node, "name"), Json.text(node, "trainable"), Json.text(node, "tag"),
                node.path("seed").asLong(), node.path("samples").asInt(), Json.text(node, "searcher"),
                Json.text(node, "searcherDescription"),
                strings(node.path("metrics")), strings(node.path("modes")), Json.text(node, "objective"),
                texts(node.path("space")), texts(node.path("options")), instant(Json.text(node, "startedAt")));
    }

    static byte[] write(ExperimentState state) {
        return Json.pretty(out -> {
            out.writeStartObject();
            out.writeStringField("status", state.status());
            out.writeObjectFieldStart("trialsByStatus");
            for (Map.Entry<String, Long> entry : state.trialsByStatus().entrySet()) {
                out.writeNumberField(entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
            out.writeStringField("bestTrialId", state.bestTrialId().orElse(null));
            out.writeFieldName("bestObjective");
            if (state.bestObjective().isPresent()) {
                out.writeNumber(state.bestObjective().get());
            } else {
                out.writeNull();
            }
            out.writeStringField("updatedAt", state.updatedAt() == null ? null : state.updatedAt().toString());
            out.writeEndObject();
        });
    }

    static ExperimentState readState(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.path("trialsByStatus").properties()) {
            counts.put(entry.getKey(), entry.getValue().asLong());
        }
        JsonNode best = node.path("bestObjective");
        return new ExperimentState(Json.text(node, "status"), counts,
                Optional.ofNullable(Json.text(node, "bestTrialId")),
                best.isMissingNode() || best.isNull() ? Optional.empty() : Optional.of(Json.readDouble(best)),
                instant(Json.text(node, "updatedAt")));
    }

    private static void writeStrings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private static void writeTexts(JsonGenerator out, String field, Map<String, String> values) throws IOException {
        out.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            out.writeStringField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            values.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText());
        }
        return values;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
