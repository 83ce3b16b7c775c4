package dev.tune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks {@link LearningCurve} against the Python reference before B5 runs: the self-check table
 * of BENCHMARKS.md and every value of {@code pruning.config.reference} in
 * {@code optuna-4.9-reference.json} (copied into this module's resources as
 * {@code optuna-4.9-pruning-reference.json}). Keys and {@code U(1,0)} must match exactly, losses
 * and means to {@value #TOLERANCE} relative. Any mismatch fails B5 before it measures anything.
 */
final class LearningCurveCheck {

    static final double TOLERANCE = 1e-12;
    private static final String RESOURCE = "/optuna-4.9-pruning-reference.json";

    /** One row of BENCHMARKS.md's self-check table. */
    private record Row(double lr, int width, double dropout, String keyHex, double u10, double loss1, double loss27,
            double loss81, double mean81) {
    }

    private static final List<Row> TABLE = List.of(
            new Row(1e-3, 64, 0.1, "0a625aa70fccfa81", 0.6118955265264392, 2.0606542630862066,
                    0.24497821428470787, 0.10713558831747814, 0.11706516872541625),
            new Row(0.0123, 200, 0.25, "5352cea1c32de497", 0.465710422694119, 1.9371871830834442,
                    0.07743514589879988, 0.06698397410698222, 0.06792820209491823),
            new Row(0.5, 512, 0.0, "f26855e6e0e13027", 0.36858794708685905, 2.16743285749079,
                    0.703769334103816, 0.378670061868993, 0.3851336694572632),
            new Row(1e-4, 16, 0.5, "3b625f593cf3726e", 0.07894135051817996, 2.2656315606726416,
                    1.8637727044767403, 1.2913178443167168, 1.2914853574538658));

    private final List<String> failures = new ArrayList<>();
    private double worst;
    private int compared;

    private LearningCurveCheck() {
    }

    /**
     * Runs every comparison and returns a one-line summary of what matched.
     *
     * @throws IllegalStateException listing every mismatch, when any value differs
     */
    static String run() {
        LearningCurveCheck check = new LearningCurveCheck();
        for (Row row : TABLE) {
            String at = "BENCHMARKS.md " + describe(row.lr(), row.width(), row.dropout());
            LearningCurve curve = LearningCurve.of(row.lr(), row.width(), row.dropout());
            check.key(at, curve, row.keyHex());
            check.exact(at + " U(1,0)", curve.uniform(1, 0), row.u10());
            check.close(at + " loss(1)", curve.loss(1), row.loss1());
            check.close(at + " loss(27)", curve.loss(27), row.loss27());
            check.close(at + " loss(81)", curve.loss(81), row.loss81());
            check.close(at + " mean(81)", curve.mean(81), row.mean81());
        }
        JsonNode reference = reference();
        for (JsonNode row : reference.path("self_check_values")) {
            double lr = row.path("lr").asDouble();
            int width = row.path("width").asInt();
            double dropout = row.path("dropout").asDouble();
            String at = "JSON " + describe(lr, width, dropout);
            LearningCurve curve = LearningCurve.of(lr, width, dropout);
            check.key(at, curve, row.path("key_hex").asText());
            check.exact(at + " U(1,0)", curve.uniform(1, 0), row.path("U0_t1").asDouble());
            for (Map.Entry<String, JsonNode> loss : row.path("loss").properties()) {
                int t = Integer.parseInt(loss.getKey());
                check.close(at + " loss(" + t + ")", curve.loss(t), loss.getValue().asDouble());
            }
            check.close(at + " mean(81)", curve.mean(81), row.path("mean81").asDouble());
        }
        JsonNode optimum = reference.path("noise_free_opt_final");
        LearningCurve best = LearningCurve.of(optimum.path("lr").asDouble(), optimum.path("width").asInt(),
                optimum.path("dropout").asDouble());
        check.close("JSON noise-free optimum mean(81)", best.mean(81), optimum.path("value").asDouble());
        check.close("LearningCurve.OPTIMUM_MEAN_81", LearningCurve.OPTIMUM_MEAN_81, optimum.path("value").asDouble());
        int expected = TABLE.size() * 6 + 4 * 8 + 2;
        if (check.compared != expected) {
            check.failures.add(check.compared + " values compared, " + expected
                    + " expected: the reference file looks incomplete");
        }
        if (!check.failures.isEmpty()) {
            throw new IllegalStateException("B5 self-check FAILED, the learning curve differs from the Python"
                    + " reference:\n  " + String.join("\n  ", check.failures));
        }
        return "B5 self-check passed: " + check.compared + " values (keys and U(1,0) exact; losses and means within "
                + TOLERANCE + " relative, largest difference " + String.format("%.2e", check.worst)
                + ") from BENCHMARKS.md's table and optuna-4.9-reference.json pruning.config.reference";
    }

    private static JsonNode reference() {
        try (InputStream in = LearningCurveCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("B5 self-check FAILED: resource " + RESOURCE + " is missing");
            }
            return new ObjectMapper().readTree(in).path("reference");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String describe(double lr, int width, double dropout) {
        return "(lr=" + lr + ", width=" + width + ", dropout=" + dropout + ")";
    }

    private void key(String at, LearningCurve curve, String expectedHex) {
        compared++;
        String actual = String.format("%016x", curve.key());
        if (!actual.equals(expectedHex)) {
            failures.add(at + " key: " + actual + ", reference " + expectedHex);
        }
    }

    private void exact(String at, double actual, double expected) {
        compared++;
        if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(expected)) {
            failures.add(at + ": " + actual + ", reference " + expected + " (must be equal)");
        }
    }

    private void close(String at, double actual, double expected) {
        compared++;
        double relative = Math.abs(actual - expected) / Math.abs(expected);
        worst = Math.max(worst, relative);
        if (!(relative <= TOLERANCE)) {
            failures.add(at + ": " + actual + ", reference " + expected + " (relative difference " + relative + ")");
        }
    }
}
