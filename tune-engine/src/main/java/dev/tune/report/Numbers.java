package dev.tune.report;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Formats values for people: numbers with at most 5 significant digits ({@code 0.0012346},
 * {@code 1.2346e-7}), whole numbers without a fraction, the rest as text. Runs once per trial for
 * its name, so it avoids {@code String.format} and regular expressions.
 */
final class Numbers {

    private static final MathContext FIVE_DIGITS = new MathContext(5);
    private static final MathContext TEN_DIGITS = new MathContext(10);

    private Numbers() {
    }

    static String format(Object value) {
        if (!(value instanceof Double) && !(value instanceof Float)) {
            return String.valueOf(value);
        }
        double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        double abs = Math.abs(d);
        if (d == Math.rint(d) && abs < 1e9) {
            return Long.toString((long) d);
        }
        BigDecimal rounded = BigDecimal.valueOf(d).round(FIVE_DIGITS).stripTrailingZeros();
        if (rounded.scale() <= 0) {
            // 1.000001 must not read as the whole number 1: keep the digits that tell them apart.
            rounded = BigDecimal.valueOf(d).round(TEN_DIGITS).stripTrailingZeros();
        }
        return abs >= 1e-4 && abs < 1e9 ? rounded.toPlainString()
                : rounded.toString().replace('E', 'e').replace("e+", "e");
    }
}
