package dev.tune.store;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tune.io.Json;
import dev.tune.result.MetricStats;
import dev.tune.result.Perturbation;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The experiment's append-only journal of trial events, {@code trials.jsonl}: one JSON line when a
 * trial is added ({@value #ADDED}: id, number, name, directory, config, status) and one when it
 * ends ({@value #ENDED}: status, termination, iterations, error, and its last result and metric
 * statistics as a summary, so a reload need not read every trial's {@code result.json}), and one per checkpoint saved
 * ({@value #CHECKPOINT}: iteration, directory, metrics), and one when PBT gives it another trial's
 * checkpoint and a new config ({@value #PERTURBED}: donor, iteration, config). Replaying it, with each trial's
 * {@code result.json}, rebuilds every trial. Safe for several trial threads: lines take turns.
 */
final class Journal implements Closeable {

    static final String ADDED = "added";
    static final String ENDED = "ended";
    static final String CHECKPOINT = "checkpoint";
    static final String PERTURBED = "perturbed";

    private final JsonLinesWriter lines;

    Journal(Path file, boolean flushEachLine) {
        this.lines = new JsonLinesWriter(file, flushEachLine);
    }

    synchronized void flush() {
        lines.flush();
    }

    /** Records a new trial whose directory the journal spells {@code dir}. */
    synchronized void added(Trial trial, String dir) {
        lines.append(out -> addedFields(out, trial, dir));
    }

    /** Records a checkpoint a trial saved, its directory spelled {@code dir}. */
    synchronized void checkpoint(Trial trial, SavedCheckpoint checkpoint, String dir) {
        lines.append(out -> checkpointFields(out, trial, checkpoint, dir));
    }

    /** Records a PBT exploit: the trial goes on from the donor's checkpoint with a new config. */
    synchronized void perturbed(Perturbation step) {
        lines.append(out -> perturbedFields(out, step));
    }

    /** Records that a trial ended. */
    synchronized void ended(Trial trial) {
        lines.append(out -> endedFields(out, trial));
    }

    @Override
    public synchronized void close() {
        lines.close();
    }

    static void addedFields(JsonGenerator out, Trial trial, String dir) throws IOException {
        out.writeStringField("event", ADDED);
        out.writeStringField("id", trial.id());
        out.writeNumberField("number", trial.number());
        out.writeStringField("name", trial.name());
        out.writeStringField("dir", dir);
        out.writeFieldName("config");
        Json.writeConfig(out, trial.config());
        out.writeStringField("status", trial.status().name());
    }

    static void checkpointFields(JsonGenerator out, Trial trial, SavedCheckpoint checkpoint, String dir)
            throws IOException {
        out.writeStringField("event", CHECKPOINT);
        out.writeStringField("id", trial.id());
        out.writeNumberField("iteration", checkpoint.iteration());
        out.writeNumberField("time_total_s", checkpoint.timeTotalSeconds());
        out.writeStringField("dir", dir);
        out.writeObjectFieldStart("metrics");
        for (var metric : checkpoint.metrics().entrySet()) {
            out.writeFieldName(metric.getKey());
            Json.writeValue(out, metric.getValue());
        }
        out.writeEndObject();
    }

    static void perturbedFields(JsonGenerator out, Perturbation step) throws IOException {
        out.writeStringField("event", PERTURBED);
        out.writeStringField("id", step.trialId());
        out.writeStringField("donor", step.donorId());
        out.writeNumberField("iteration", step.donorIteration());
        out.writeFieldName("config");
        Json.writeConfig(out, step.config());
    }

    static void endedFields(JsonGenerator out, Trial trial) throws IOException {
        out.writeStringField("event", ENDED);
        out.writeStringField("id", trial.id());
        out.writeStringField("status", trial.status().name());
        out.writeStringField("termination", trial.termination().map(Enum::name).orElse(null));
        out.writeNumberField("iterations", trial.iterations());
        if (trial.lastResult().isPresent()) {
            // the trial's summary, so a reload reads this journal alone, not every trial's result.json
            out.writeObjectFieldStart("last");
            ResultLine.write(out, trial.lastResult().get());
            out.writeEndObject();
            out.writeObjectFieldStart("stats");
            for (var metric : trial.metrics().entrySet()) {
                MetricStats stats = metric.getValue();
                out.writeArrayFieldStart(metric.getKey());
                Json.writeValue(out, stats.last());
                Json.writeValue(out, stats.min());
                Json.writeValue(out, stats.max());
                Json.writeValue(out, stats.sum());
                out.writeNumber(stats.count());
                for (double value : stats.window()) {
                    Json.writeValue(out, value);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        out.writeFieldName("error");
        if (trial.error().isPresent()) {
            TrialError error = trial.error().get();
            out.writeStartObject();
            out.writeStringField("type", error.type());
            out.writeStringField("message", error.message());
            out.writeStringField("stackTrace", error.stackTrace());
            out.writeEndObject();
        } else {
            out.writeNull();
        }
    }
}
