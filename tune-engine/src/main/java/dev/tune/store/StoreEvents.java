package dev.tune.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.io.Json;
import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The events of an experiment as one-line JSON texts, spelled exactly as the local directory's
 * {@code trials.jsonl} journal and {@code result.json} lines spell them, so a shared store holds
 * the same record and exports to Ray's files without translation. Kinds: {@value #ADDED},
 * {@value #RESULT}, {@value #CHECKPOINT}, {@value #PERTURBED}, {@value #ENDED}; a shared log also
 * holds {@value #DECIDED}, which belongs to no trial and has no line in the local files.
 */
public final class StoreEvents {

    public static final String ADDED = Journal.ADDED;
    public static final String RESULT = "result";
    public static final String CHECKPOINT = Journal.CHECKPOINT;
    public static final String PERTURBED = Journal.PERTURBED;
    public static final String ENDED = Journal.ENDED;
    /**
     * A shared log's mark (trial number 0, body {@code {}}) where a worker asked the scheduler about
     * paused trials with nothing more to come ({@code decidePaused(true)}) and it decided: every
     * replica asks it at the same place in the log, so all stay alike.
     */
    public static final String DECIDED = "decided";

    private StoreEvents() {
    }

    /** A new trial, its directory spelled {@code dir} (relative to the experiment directory). */
    public static String added(Trial trial, String dir) {
        return Json.compact(out -> Journal.addedFields(out, trial, dir));
    }

    public static String result(Result result) {
        return Json.compact(out -> ResultLine.write(out, result));
    }

    public static String checkpoint(Trial trial, SavedCheckpoint checkpoint, String dir) {
        return Json.compact(out -> Journal.checkpointFields(out, trial, checkpoint, dir));
    }

    public static String perturbed(Perturbation step) {
        return Json.compact(out -> Journal.perturbedFields(out, step));
    }

    public static String ended(Trial trial) {
        return Json.compact(out -> Journal.endedFields(out, trial));
    }

    /** The result an {@value #RESULT} event holds. */
    public static Result readResult(String body, String trialId) {
        try {
            return ResultLine.read(body, trialId);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable result of trial " + trialId + ": " + e.getMessage(), e);
        }
    }

    /** The object any other event holds. */
    static JsonNode read(String body) {
        try {
            return Json.parseObject(body);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event: " + e.getMessage(), e);
        }
    }

    /** The experiment's description as {@code experiment.json} spells it. */
    public static String info(ExperimentInfo info) {
        return new String(ExperimentJson.write(info), StandardCharsets.UTF_8);
    }

    public static ExperimentInfo readInfo(String text) {
        return ExperimentJson.readInfo(read(text));
    }

    /** The experiment's state as {@code experiment-state.json} spells it. */
    public static String state(ExperimentState state) {
        return new String(ExperimentJson.write(state), StandardCharsets.UTF_8);
    }

    public static ExperimentState readState(String text) {
        return ExperimentJson.readState(read(text));
    }

    /**
     * The end of a trial that no worker could finish: status {@code ERROR} after {@code iterations},
     * with {@code message} as its error.
     */
    public static String lost(String trialId, long iterations, String message) {
        return Json.compact(out -> {
            out.writeStringField("event", ENDED);
            out.writeStringField("id", trialId);
            out.writeStringField("status", TrialStatus.ERROR.name());
            out.writeNullField("termination");
            out.writeNumberField("iterations", iterations);
            out.writeObjectFieldStart("error");
            out.writeStringField("type", "dev.tune.store.WorkerLost");
            out.writeStringField("message", message);
            out.writeStringField("stackTrace", "dev.tune.store.WorkerLost: " + message);
            out.writeEndObject();
        });
    }

    /** {@code dir} as the events spell it: relative to {@code experimentDir} when inside it. */
    public static String relativeDir(Path experimentDir, Path dir) {
        return StoreLayout.relative(experimentDir, dir);
    }

    /** A trial's directory as the events spell it: relative to {@code experimentDir} when inside it. */
    public static String dirName(Path experimentDir, Trial trial) {
        return StoreLayout.relative(experimentDir, StoreLayout.trialDir(experimentDir, trial));
    }
}
