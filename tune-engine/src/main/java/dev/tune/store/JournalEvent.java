package dev.tune.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tune.io.Json;
import dev.tune.result.MetricStats;
import dev.tune.result.Result;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the journal (or one event of a shared store's log) read in a single streaming pass,
 * without building a JSON tree: a reload of 100,000 trials reads 200,000 of them, and the tree was
 * most of its cost. Holds only the fields its kind has; see {@link Journal} for the shapes.
 */
final class JournalEvent {

    String kind;
    String id;
    Integer number;
    String name;
    String dir;
    String status;
    String termination;
    Long iterations;
    Map<String, Object> config;
    String errorType;
    String errorMessage;
    String errorStackTrace;
    boolean error;
    Result last;
    Map<String, MetricStats> stats;
    long iteration;
    /** A checkpoint's training time; 0 in records older than the field. */
    double timeTotal;
    Map<String, Double> metrics;

    private JournalEvent() {
    }

    /** The event on {@code line}; throws when it is not one whole object with a known kind and an id. */
    static JournalEvent parse(String line) throws IOException {
        JournalEvent event = new JournalEvent();
        try (JsonParser in = Json.FACTORY.createParser(line)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a journal line must be a JSON object");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                event.field(field, in);
            }
            if (in.currentToken() != JsonToken.END_OBJECT || in.nextToken() != null) {
                throw new IOException("a journal line must hold exactly one JSON object");
            }
        }
        if (event.kind == null || !(event.kind.equals(Journal.ADDED) || event.kind.equals(Journal.ENDED)
                || event.kind.equals(Journal.CHECKPOINT) || event.kind.equals(Journal.PERTURBED))) {
            throw new IOException("unknown event " + event.kind);
        }
        if (event.id == null) {
            throw new IOException("an event without a trial id");
        }
        return event;
    }

    private void field(String field, JsonParser in) throws IOException {
        switch (field) {
            case "event" -> kind = text(in);
            case "id" -> id = text(in);
            case "number" -> number = in.currentToken().isNumeric() ? in.getIntValue() : null;
            case "name" -> name = text(in);
            case "dir" -> dir = text(in);
            case "status" -> status = text(in);
            case "termination" -> termination = text(in);
            case "iterations", "iteration" -> {
                Long value = in.currentToken().isNumeric() ? in.getLongValue() : null;
                if (field.equals("iterations")) {
                    iterations = value;
                } else if (value != null) {
                    iteration = value;
                }
            }
            case "config" -> config = object(in);
            case "error" -> error(in);
            case "last" -> last = in.currentToken() == JsonToken.START_OBJECT ? ResultLine.readAt(in, id) : null;
            case "stats" -> stats(in);
            case "metrics" -> metrics(in);
            case "time_total_s" -> timeTotal = in.currentToken().isNumeric() ? in.getDoubleValue() : 0;
            default -> in.skipChildren();
        }
    }

    private static String text(JsonParser in) throws IOException {
        return in.currentToken() == JsonToken.VALUE_NULL ? null : in.getValueAsString();
    }

    /** A config object: numbers as Long or Double, text, booleans, null; anything nested as its JSON text. */
    private static Map<String, Object> object(JsonParser in) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (in.currentToken() != JsonToken.START_OBJECT) {
            in.skipChildren();
            return values;
        }
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonToken token = in.nextToken();
            Object value = switch (token) {
                case VALUE_NUMBER_INT -> in.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? in.getBigIntegerValue() : (Object) in.getLongValue();
                case VALUE_NUMBER_FLOAT -> in.getDoubleValue();
                case VALUE_STRING -> in.getText();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> Json.readTree(in).toString();
            };
            values.put(key, value);
        }
        return values;
    }

    private void error(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            in.skipChildren();
            return;
        }
        error = true;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "type" -> errorType = text(in);
                case "message" -> errorMessage = text(in);
                case "stackTrace" -> errorStackTrace = text(in);
                default -> in.skipChildren();
            }
        }
    }

    /** Per metric: last, min, max, sum, count, then the window's values. */
    private void stats(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            in.skipChildren();
            return;
        }
        Map<String, MetricStats> read = new LinkedHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String metric = in.currentName();
            in.nextToken();
            double[] values = new double[16];
            int n = 0;
            while (in.nextToken() != JsonToken.END_ARRAY) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = number(in);
            }
            if (n < 5) {
                throw new IOException("the statistics of " + metric + " need 5 numbers, got " + n);
            }
            read.put(metric, new MetricStats(values[0], values[1], values[2], values[3], (long) values[4],
                    Arrays.copyOfRange(values, 5, n)));
        }
        stats = read;
    }

    private void metrics(JsonParser in) throws IOException {
        metrics = new LinkedHashMap<>();
        if (in.currentToken() != JsonToken.START_OBJECT) {
            in.skipChildren();
            return;
        }
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String metric = in.currentName();
            in.nextToken();
            metrics.put(metric, number(in));
        }
    }

    /** A number, or the string of a non-finite one. */
    private static double number(JsonParser in) throws IOException {
        return in.currentToken().isNumeric() ? in.getDoubleValue() : Json.parseDouble(in.getValueAsString(""));
    }
}
