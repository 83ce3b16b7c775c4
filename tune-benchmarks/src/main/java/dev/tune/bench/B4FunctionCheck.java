package dev.tune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@link B4Function} before B4 runs: each function at every known argmin of BENCHMARKS.md's
 * table and of the reference's {@code known_optima} must give f* within {@value #TOLERANCE} (the
 * table rounds some argmins to 6 digits); each argmin must be a local minimum (a step of
 * {@value #STEP} along any float coordinate, or of 1 in n, does not go lower); and f* and the bounds
 * must be the reference's. Any mismatch fails B4 before it measures anything.
 */
final class B4FunctionCheck {

    static final double TOLERANCE = 1e-9;
    private static final double STEP = 1e-4;
    private static final double SAME = 1e-12;

    private final List<String> failures = new ArrayList<>();
    private double worst;
    private int compared;

    private B4FunctionCheck() {
    }

    /** The argmins of BENCHMARKS.md's table, as configs. */
    static Map<B4Function, List<Config>> tableArgmins() {
        Map<B4Function, List<Config>> argmins = new LinkedHashMap<>();
        argmins.put(B4Function.BRANIN, List.of(point(Math.PI, 2.275), point(-Math.PI, 12.275), point(9.42478, 2.475)));
        argmins.put(B4Function.HARTMANN6, List.of(point(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573)));
        argmins.put(B4Function.ROSENBROCK4, List.of(point(1, 1, 1, 1)));
        argmins.put(B4Function.ACKLEY5, List.of(point(0, 0, 0, 0, 0)));
        argmins.put(B4Function.LEVY4, List.of(point(1, 1, 1, 1)));
        double s = -2.903534027771177;
        argmins.put(B4Function.STYBLINSKI_TANG8, List.of(point(s, s, s, s, s, s, s, s)));
        argmins.put(B4Function.MIXED, List.of(mixed("b", 13, -2, 3)));
        return argmins;
    }

    /**
     * Runs every comparison and returns a one-line summary.
     *
     * @throws IllegalStateException listing every mismatch, when any is found
     */
    static String run(B4Reference reference) {
        B4FunctionCheck check = new B4FunctionCheck();
        check.close("BENCHMARKS.md branin f* 5/(4 pi)", B4Function.BRANIN.optimum(), 5 / (4 * Math.PI), SAME);
        check.close("BENCHMARKS.md styblinski_tang8 f* 8 x (-39.16616570377142)", B4Function.STYBLINSKI_TANG8.optimum(),
                8 * -39.16616570377142, SAME);
        tableArgmins().forEach((function, points) -> {
            for (Config point : points) {
                check.argmin("BENCHMARKS.md", function, point);
            }
        });
        for (B4Function function : B4Function.values()) {
            JsonNode known = reference.knownOptimum(function.id());
            check.close("JSON " + function.id() + " f_star", function.optimum(), reference.optimum(function.id()),
                    SAME);
            check.argmin("JSON", function, jsonPoint(function, known.path("argmin")));
            if (function != B4Function.MIXED) {
                check.bounds(function, known.path("bounds"));
            }
        }
        if (!check.failures.isEmpty()) {
            throw new IllegalStateException("B4 self-check FAILED, the functions differ from BENCHMARKS.md or the"
                    + " reference:\n  " + String.join("\n  ", check.failures));
        }
        return "B4 self-check passed: " + check.compared + " comparisons (every known argmin of BENCHMARKS.md and of"
                + " optuna-4.9-reference.json gives f* within " + TOLERANCE + ", largest difference "
                + String.format("%.2e", check.worst) + "; each is a local minimum; f* and bounds as the reference)";
    }

    private void argmin(String source, B4Function function, Config point) {
        double value = function.value(point);
        close(source + " " + function.id() + " at " + point.asMap().values(), value, function.optimum(), TOLERANCE);
        for (Config neighbour : neighbours(point)) {
            compared++;
            double next = function.value(neighbour);
            if (!(next >= value - SAME)) {
                failures.add(source + " " + function.id() + ": " + neighbour.asMap().values() + " gives " + next
                        + ", below the value at the argmin " + value);
            }
        }
    }

    private void bounds(B4Function function, JsonNode bounds) {
        compared++;
        double[] lower = function.lower();
        double[] upper = function.upper();
        boolean same = bounds.isArray() && bounds.size() == lower.length;
        for (int i = 0; same && i < lower.length; i++) {
            same = bounds.get(i).get(0).doubleValue() == lower[i] && bounds.get(i).get(1).doubleValue() == upper[i];
        }
        if (!same) {
            failures.add("JSON " + function.id() + " bounds " + bounds + " differ from the space " + function.space());
        }
    }

    private void close(String at, double actual, double expected, double tolerance) {
        compared++;
        double difference = Math.abs(actual - expected);
        worst = Math.max(worst, difference);
        if (!(difference <= tolerance * Math.max(1, Math.abs(expected)))) {
            failures.add(at + ": " + actual + ", expected " + expected + " (difference " + difference + ")");
        }
    }

    /** The points one step away from {@code point} along each float coordinate, and n +- 1 for the mixed function. */
    private static List<Config> neighbours(Config point) {
        List<Config> neighbours = new ArrayList<>();
        for (Map.Entry<String, Object> entry : point.asMap().entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Double d) {
                neighbours.add(with(point, entry.getKey(), d + STEP));
                neighbours.add(with(point, entry.getKey(), d - STEP));
            } else if (value instanceof Integer n) {
                neighbours.add(with(point, entry.getKey(), n + 1));
                neighbours.add(with(point, entry.getKey(), n - 1));
            }
        }
        return neighbours;
    }

    private static Config with(Config point, String name, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(point.asMap());
        values.put(name, value);
        return Config.of(values);
    }

    private static Config jsonPoint(B4Function function, JsonNode argmin) {
        if (function == B4Function.MIXED) {
            return mixed(argmin.path("c").asText(), argmin.path("n").asInt(), argmin.path("x").asDouble(),
                    argmin.path("y").asDouble());
        }
        double[] x = new double[argmin.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = argmin.get(i).asDouble();
        }
        return point(x);
    }

    /** A config {@code x0..x{d-1}}. */
    static Config point(double... x) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            values.put("x" + i, x[i]);
        }
        return Config.of(values);
    }

    /** A config of the mixed function. */
    static Config mixed(String c, int n, double x, double y) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("c", c);
        values.put("n", n);
        values.put("x", x);
        values.put("y", y);
        return Config.of(values);
    }
}
