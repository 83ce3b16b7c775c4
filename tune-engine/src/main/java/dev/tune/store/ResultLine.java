package dev.tune.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.io.Json;
import dev.tune.result.Result;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link Result} as one line of a trial's {@code result.json}, both ways, with Ray's field
 * names: the automatic fields ({@link #AUTOMATIC}) first, then each metric as a top-level field.
 * A metric named like an automatic field follows it on the line and is read back as the metric:
 * the first occurrence of a name is the automatic field. Fields that are neither numbers nor
 * the strings of non-finite numbers (Ray's {@code date}, {@code hostname}, ...) are skipped.
 */
final class ResultLine {

    static final String TRIAL_ID = "trial_id";
    static final String TRAINING_ITERATION = "training_iteration";
    static final String TIME_THIS_ITER = "time_this_iter_s";
    static final String TIME_TOTAL = "time_total_s";
    static final String TIME_SINCE_RESTORE = "time_since_restore";
    static final String TIMESTAMP = "timestamp";
    static final String ITERATIONS_SINCE_RESTORE = "iterations_since_restore";
    static final String DONE = "done";

    /** The fields tune adds to every result, in the order they are written. */
    static final List<String> AUTOMATIC = List.of(TRIAL_ID, TRAINING_ITERATION, TIME_THIS_ITER, TIME_TOTAL,
            TIME_SINCE_RESTORE, TIMESTAMP, ITERATIONS_SINCE_RESTORE, DONE);

    private ResultLine() {
    }

    /** Writes the fields of one result into the open object of {@code out}. */
    static void write(JsonGenerator out, Result result) throws IOException {
        out.writeStringField(TRIAL_ID, result.trialId());
        out.writeNumberField(TRAINING_ITERATION, result.iteration());
        out.writeNumberField(TIME_THIS_ITER, result.timeThisIterSeconds());
        out.writeNumberField(TIME_TOTAL, result.timeTotalSeconds());
        out.writeNumberField(TIME_SINCE_RESTORE, result.timeSinceRestoreSeconds());
        out.writeNumberField(TIMESTAMP, result.timestamp());
        out.writeNumberField(ITERATIONS_SINCE_RESTORE, result.iterationsSinceRestore());
        out.writeBooleanField(DONE, result.done());
        for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
            Double value = metric.getValue();
            out.writeNumberField(metric.getKey(), value == null ? Double.NaN : value);
        }
    }

    /**
     * The result on {@code line}; {@code trialId} when the line names none. Throws when the line is not one whole
     * object.
     */
    static Result read(String line, String trialId) throws IOException {
        try (JsonParser in = Json.FACTORY.createParser(line)) {
            return read(in, trialId);
        }
    }

    /** The result an object already parsed holds (the summary in a journal line), read without text. */
    static Result read(JsonNode object, String trialId) throws IOException {
        try (JsonParser in = object.traverse()) {
            return read(in, trialId);
        }
    }

    private static Result read(JsonParser in, String trialId) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a result line must be a JSON object");
        }
        Result result = readAt(in, trialId);
        if (in.nextToken() != null) {
            throw new IOException("a result line must hold exactly one JSON object");
        }
        return result;
    }

    /** The result in the object that starts at {@code in}'s current token, read up to its end. */
    static Result readAt(JsonParser in, String trialId) throws IOException {
        Fields fields = new Fields(trialId);
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken token = in.nextToken();
            int automatic = AUTOMATIC.indexOf(name);
            if (automatic >= 0 && (fields.seen & (1 << automatic)) == 0) {
                fields.seen |= 1 << automatic;
                fields.automatic(automatic, in);
                in.skipChildren();
            } else if (token.isNumeric()) {
                fields.metrics.put(name, in.getDoubleValue());
            } else if (token == JsonToken.VALUE_STRING && nonFinite(in.getText())) {
                fields.metrics.put(name, Double.parseDouble(in.getText()));
            } else {
                in.skipChildren();
            }
        }
        if (in.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("a result must be one JSON object");
        }
        return fields.result();
    }

    private static boolean nonFinite(String text) {
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }

    /** The fields of one line as they are read. */
    private static final class Fields {
        int seen;
        String trialId;
        long iteration;
        double timeThisIter = Double.NaN;
        double timeTotal = Double.NaN;
        double timeSinceRestore = Double.NaN;
        long timestamp;
        long iterationsSinceRestore;
        boolean done;
        final Map<String, Double> metrics = new LinkedHashMap<>();

        Fields(String trialId) {
            this.trialId = trialId;
        }

        void automatic(int index, JsonParser in) throws IOException {
            switch (index) {
                case 0 -> trialId = in.getValueAsString(trialId);
                case 1 -> iteration = in.getValueAsLong();
                case 2 -> timeThisIter = seconds(in);
                case 3 -> timeTotal = seconds(in);
                case 4 -> timeSinceRestore = seconds(in);
                case 5 -> timestamp = in.getValueAsLong();
                case 6 -> iterationsSinceRestore = in.getValueAsLong();
                default -> done = in.getValueAsBoolean();
            }
        }

        private static double seconds(JsonParser in) throws IOException {
            return in.currentToken().isNumeric() ? in.getDoubleValue() : Json.parseDouble(in.getValueAsString(""));
        }

        Result result() {
            return new Result(trialId, iteration, timeThisIter, timeTotal, timeSinceRestore, timestamp,
                    iterationsSinceRestore, done, metrics);
        }
    }
}
