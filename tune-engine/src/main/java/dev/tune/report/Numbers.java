package dev.tune.report;

import java.util.Locale;

/** Formats values for the console: numbers with 5 significant digits, the rest as text. */
final class Numbers {

    private Numbers() {
    }

    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return Double.toString(d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e9) {
                return Long.toString((long) d);
            }
            String text = String.format(Locale.ROOT, "%.5g", d);
            if (text.contains("e")) {
                return text.replaceFirst("\\.?0+e", "e");
            }
            return text.contains(".") ? text.replaceFirst("0+$", "").replaceFirst("\\.$", "") : text;
        }
        return String.valueOf(value);
    }
}
