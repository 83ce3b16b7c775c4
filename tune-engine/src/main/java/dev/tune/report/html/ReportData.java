package dev.tune.report.html;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.importance.ParamImportance;
import dev.tune.io.Json;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Objective;
import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.Scope;
import dev.tune.result.Trial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON a report page is drawn from (format 1, described in {@code docs/report.md}): the
 * experiment (with what searched, in words), its objective in words, one axis per hyperparameter,
 * every trial with its config, state, objective values and learning curve, PBT's exploits, and the
 * importances. Curves keep
 * every point up to {@value #CURVE_POINTS} points in all; beyond that each curve keeps every k-th
 * point and its last, so a page of 10,000 long trials stays quick.
 */
final class ReportData {

    static final int FORMAT = 1;
    static final int CURVE_POINTS = 200_000;

    private ReportData() {
    }

    static byte[] json(ReportInput input) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            write(bytes, input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report's data", e);
        }
        return bytes.toByteArray();
    }

    /** Streams the data to {@code sink}, which stays open. */
    static void write(OutputStream sink, ReportInput input) throws IOException {
        try (JsonGenerator out = Json.FACTORY.createGenerator(sink, JsonEncoding.UTF8)) {
            write(out, input);
        }
    }

    private static void write(JsonGenerator out, ReportInput input) throws IOException {
        ExperimentResult result = input.result();
        Objective objective = result.objective();
        List<Trial> trials = result.trials();
        List<ParamAxis> axes = axes(input);
        out.writeStartObject();
        out.writeNumberField("format", FORMAT);
        writeExperiment(out, input);
        out.writeObjectFieldStart("objective");
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
        out.writeStringField("text",
                input.info().objective() != null ? input.info().objective() : objective.toString());
        out.writeEndObject();
        out.writeArrayFieldStart("params");
        for (ParamAxis axis : axes) {
            writeAxis(out, axis);
        }
        out.writeEndArray();
        writeTrials(out, input, objective);
        out.writeArrayFieldStart("exploits");
        for (Perturbation step : input.perturbations()) {
            writeExploit(out, step, trials);
        }
        out.writeEndArray();
        out.writeObjectFieldStart("importance");
        out.writeStringField("method", ImportanceData.METHOD);
        out.writeArrayFieldStart("metrics");
        for (int k = 0; k < objective.metrics().size(); k++) {
            writeImportance(out, ImportanceData.of(objective.metrics().get(k), objective.modes().get(k), trials, axes));
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeExperiment(JsonGenerator out, ReportInput input) throws IOException {
        var info = input.info();
        out.writeObjectFieldStart("experiment");
        out.writeStringField("name", input.result().name());
        out.writeStringField("trainable", info.trainable());
        out.writeStringField("searcher", info.searcher());
        out.writeStringField("searcherDescription", info.searcherDescription());
        out.writeStringField("scheduler", info.options().getOrDefault("tune.scheduler", "fifo"));
        out.writeNumberField("samples", info.samples());
        out.writeNumberField("seed", info.seed());
        out.writeStringField("status", input.status());
        out.writeStringField("startedAt", info.startedAt() == null ? null : info.startedAt().toString());
        out.writeNumberField("wallSeconds", input.result().wallTime().toMillis() / 1000.0);
        out.writeStringField("dir", input.result().dir().map(Object::toString).orElse(null));
        out.writeEndObject();
    }

    private static List<ParamAxis> axes(ReportInput input) {
        Set<String> names = new LinkedHashSet<>(input.info().space().keySet());
        input.result().trials().forEach(t -> names.addAll(t.config().asMap().keySet()));
        List<ParamAxis> axes = new ArrayList<>();
        for (String name : names) {
            axes.add(ParamAxis.of(name, input.info().space().get(name), input.result().trials()));
        }
        return axes;
    }

    private static void writeAxis(JsonGenerator out, ParamAxis axis) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", axis.name());
        out.writeStringField("domain", axis.domain());
        out.writeStringField("type", axis.type());
        out.writeBooleanField("log", axis.log());
        if (axis.isChoice()) {
            out.writeArrayFieldStart("choices");
            for (String choice : axis.choices()) {
                out.writeString(choice);
            }
            out.writeEndArray();
        } else {
            out.writeNumberField("low", axis.low());
            out.writeNumberField("high", axis.high());
        }
        out.writeBooleanField("conditional", axis.conditional());
        out.writeEndObject();
    }

    private static void writeTrials(JsonGenerator out, ReportInput input, Objective objective) throws IOException {
        List<Trial> trials = input.result().trials();
        Set<String> front = new HashSet<>();
        input.result().paretoFront().forEach(t -> front.add(t.id()));
        long points = trials.stream().mapToLong(Trial::iterations).sum();
        int stride = (int) Math.max(1, (points + CURVE_POINTS - 1) / CURVE_POINTS);
        String curveMetric = objective.metrics().get(0);
        out.writeNumberField("curveStride", stride);
        out.writeStringField("curveMetric", curveMetric);
        out.writeArrayFieldStart("trials");
        for (Trial trial : trials) {
            out.writeStartObject();
            out.writeNumberField("n", trial.number());
            out.writeStringField("id", trial.id());
            out.writeStringField("status", trial.status().name());
            out.writeStringField("state", TrialState.of(trial));
            out.writeFieldName("config");
            Json.writeConfig(out, trial.config());
            Config first = input.firstConfigs().get(trial.id());
            if (first != null && !first.equals(trial.config())) {
                out.writeFieldName("firstConfig");
                Json.writeConfig(out, first);
            }
            out.writeNumberField("iterations", trial.iterations());
            out.writeNumberField("seconds", trial.lastResult().map(Result::timeTotalSeconds).orElse(0.0));
            out.writeArrayFieldStart("values");
            for (int k = 0; k < objective.metrics().size(); k++) {
                writeFinite(out, trial.value(objective.metrics().get(k), objective.modes().get(k), Scope.LAST));
            }
            out.writeEndArray();
            if (front.contains(trial.id())) {
                out.writeBooleanField("pareto", true);
            }
            if (!objective.constraints().isEmpty()
                    && objective.violation(trial.lastResult().map(Result::metrics).orElse(Map.of())) > 0) {
                out.writeBooleanField("infeasible", true);
            }
            if (trial.error().isPresent()) {
                out.writeStringField("error", trial.error().get().summary());
            }
            writeCurve(out, curve(input, trial), curveMetric, stride);
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static List<Result> curve(ReportInput input, Trial trial) {
        if (trial.iterations() == 0) {
            return List.of();
        }
        if (trial.iterations() == 1 && trial.lastResult().isPresent()) {
            return List.of(trial.lastResult().get()); // its one result is in the summary: no file to read
        }
        return input.results().apply(trial);
    }

    /**
     * The curve as {@code x} (iterations) and {@code y} (values, single precision), every stride-th
     * point and the last. When the iterations are 1, 2, ..., n (most curves), {@code x} is just n.
     */
    private static void writeCurve(JsonGenerator out, List<Result> results, String metric, int stride)
            throws IOException {
        List<Result> kept = new ArrayList<>();
        boolean counting = stride == 1;
        for (int i = 0; i < results.size(); i++) {
            if (i % stride == 0 || i == results.size() - 1) {
                kept.add(results.get(i));
            }
            counting &= results.get(i).iteration() == i + 1;
        }
        if (counting) {
            out.writeNumberField("x", kept.size());
        } else {
            out.writeArrayFieldStart("x");
            for (Result r : kept) {
                out.writeNumber(r.iteration());
            }
            out.writeEndArray();
        }
        out.writeArrayFieldStart("y");
        for (Result r : kept) {
            double v = r.metric(metric);
            if (Double.isFinite(v)) {
                out.writeNumber((float) v);
            } else {
                out.writeNull();
            }
        }
        out.writeEndArray();
    }

    private static void writeExploit(JsonGenerator out, Perturbation step, List<Trial> trials) throws IOException {
        out.writeStartObject();
        out.writeNumberField("trial", number(step.trialId(), trials));
        out.writeNumberField("donor", number(step.donorId(), trials));
        out.writeNumberField("at", step.iteration());
        out.writeNumberField("from", step.donorIteration());
        out.writeFieldName("config");
        Json.writeConfig(out, step.config());
        out.writeFieldName("donorConfig");
        Json.writeConfig(out, step.donorConfig());
        out.writeEndObject();
    }

    private static int number(String id, List<Trial> trials) {
        for (Trial trial : trials) {
            if (trial.id().equals(id)) {
                return trial.number();
            }
        }
        return -1;
    }

    private static void writeImportance(JsonGenerator out, ImportanceData.PerMetric importance) throws IOException {
        out.writeStartObject();
        out.writeStringField("metric", importance.metric());
        out.writeNumberField("trials", importance.trials());
        out.writeNumberField("of", importance.of());
        if (importance.missing().isPresent()) {
            out.writeStringField("missing", importance.missing().get());
        }
        out.writeArrayFieldStart("params");
        for (ParamImportance param : importance.params()) {
            out.writeStartObject();
            out.writeStringField("name", param.name());
            out.writeNumberField("importance", param.importance());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeFinite(JsonGenerator out, double value) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeNull();
        }
    }
}
