package dev.tune.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tune.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the store spells values in JSON, both ways, and the one Jackson setup its readers and
 * writers share. Config values are written as JSON numbers, strings and booleans (enums by name,
 * anything else by {@code toString}) and read back as {@code Long} (integral in the text),
 * {@code Double}, {@code String} or {@code Boolean}. Non-finite numbers are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} so every file stays standard JSON;
 * Ray's bare {@code NaN} is accepted when reading. Every shape is explicit: no type information is
 * ever taken from the data.
 */
public final class Json {

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            // Jackson's own fast float reading and writing (exact, round-trip safe): journals are mostly numbers
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private static final ObjectMapper TREES = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Writes the fields or values of one JSON document. */
    public interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private Json() {
    }

    /** One JSON object on one line, its fields written by {@code fields}. */
    public static String compact(Body fields) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.writeStartObject();
            fields.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format JSON in memory", e);
        }
        return text.toString();
    }

    /** One pretty-printed JSON document, ending with a newline. */
    public static byte[] pretty(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator out = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            out.useDefaultPrettyPrinter();
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format JSON in memory", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** The JSON object in {@code text}; throws when it is not one complete object. */
    public static JsonNode parseObject(String text) throws IOException {
        return object(TREES.readTree(text), "a JSON object");
    }

    /** The JSON array in {@code text}; throws when it is not one complete array. */
    public static JsonNode parseArray(String text) throws IOException {
        JsonNode node = TREES.readTree(text);
        if (node == null || !node.isArray()) {
            throw new IOException("expected a JSON array");
        }
        return node;
    }

    /** The JSON object in {@code file}; throws when it is not one complete object. */
    public static JsonNode readJsonObject(Path file) throws IOException {
        return object(TREES.readTree(file.toFile()), file.toString());
    }

    private static JsonNode object(JsonNode node, String what) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException("expected " + what + " to hold a JSON object");
        }
        return node;
    }

    public static void writeConfig(JsonGenerator out, Config config) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Object> entry : config.asMap().entrySet()) {
            out.writeFieldName(entry.getKey());
            writeValue(out, entry.getValue());
        }
        out.writeEndObject();
    }

    /**
     * A config written by {@link #writeConfig}: integral numbers as {@code Long}, others as
     * {@code Double}, text, booleans, null; anything nested as its JSON text.
     */
    public static Config readConfig(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            values.put(field.getKey(), value.isIntegralNumber() ? (Object) value.asLong()
                    : value.isNumber() ? (Object) value.asDouble()
                    : value.isBoolean() ? (Object) value.asBoolean()
                    : value.isNull() ? null : value.isTextual() ? value.asText() : value.toString());
        }
        return Config.of(values);
    }

    public static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else if (value instanceof Number number) {
            out.writeNumber(number.doubleValue());
        } else if (value instanceof Enum<?> constant) {
            out.writeString(constant.name());
        } else {
            out.writeString(value.toString());
        }
    }

    /** The value at {@code in}'s current token, as a tree. */
    public static JsonNode readTree(JsonParser in) throws IOException {
        return TREES.readTree(in);
    }

    /** A number, or one of the strings a non-finite number is written as; NaN for anything else. */
    public static double readDouble(JsonNode node) {
        if (node == null) {
            return Double.NaN;
        }
        return node.isNumber() ? node.doubleValue() : node.isTextual() ? parseDouble(node.textValue()) : Double.NaN;
    }

    public static double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The field's text, or null when it is missing or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
