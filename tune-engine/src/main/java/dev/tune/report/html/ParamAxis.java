package dev.tune.report.html;

import dev.tune.result.Trial;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one hyperparameter is plotted, read back from its recorded domain (Ray's words, as
 * {@code experiment.json} keeps them) and the values the trials took: a number on a linear or log
 * axis between the domain's bounds (or the values' range when the domain has none), or a choice
 * whose values are categories in the domain's order. Conditional hyperparameters are marked: not
 * every trial has them.
 *
 * @param type {@code float}, {@code int} or {@code choice}
 * @param choices for a choice, its values as text, in order
 */
record ParamAxis(String name, String domain, String type, boolean log, double low, double high,
        List<String> choices, boolean conditional) {

    private static final Pattern BOUNDED = Pattern.compile(
            "q?(loguniform|uniform|lograndint|randint)[(\\[]\\s*([^,]+),\\s*([^,)\\]]+)[)\\]].*");

    boolean isChoice() {
        return type.equals("choice");
    }

    /** The axis of {@code name}, from its domain text (may be null) and every trial's value. */
    static ParamAxis of(String name, String domain, List<Trial> trials) {
        String text = domain == null ? "" : domain;
        boolean conditional = text.contains(" if ");
        String own = conditional ? text.substring(0, text.indexOf(" if ")) : text;
        List<Object> values = new ArrayList<>();
        boolean numeric = true;
        boolean integral = true;
        for (Trial trial : trials) {
            Object value = trial.config().asMap().get(name);
            if (value == null) {
                continue;
            }
            values.add(value);
            numeric &= value instanceof Number;
            integral &= value instanceof Long || value instanceof Integer || value instanceof Short;
        }
        Matcher bounded = BOUNDED.matcher(own);
        if (bounded.matches() && numeric) {
            String kind = bounded.group(1);
            double low = parse(bounded.group(2));
            double high = parse(bounded.group(3));
            if (Double.isFinite(low) && Double.isFinite(high)) {
                return new ParamAxis(name, text, kind.endsWith("randint") ? "int" : "float", kind.startsWith("log"),
                        low, high, List.of(), conditional);
            }
        }
        if (!own.startsWith("choice") && !own.startsWith("grid") && numeric && !values.isEmpty()) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (Object value : values) {
                double v = ((Number) value).doubleValue();
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            if (low <= high) {
                return new ParamAxis(name, text, integral ? "int" : "float", false, low, high, List.of(), conditional);
            }
        }
        return new ParamAxis(name, text, "choice", false, 0, 0, choices(own, values), conditional);
    }

    /** The domain's values in its order where its text lists them, then any other value seen. */
    private static List<String> choices(String domain, List<Object> values) {
        Set<String> seen = new LinkedHashSet<>();
        values.forEach(v -> seen.add(String.valueOf(v)));
        Set<String> ordered = new LinkedHashSet<>();
        int open = domain.indexOf('[');
        int close = domain.lastIndexOf(']');
        if (open >= 0 && close > open) {
            for (String item : domain.substring(open + 1, close).split(", ")) {
                if (seen.contains(item)) {
                    ordered.add(item);
                }
            }
        }
        ordered.addAll(seen.stream().sorted().toList());
        return List.copyOf(ordered);
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
