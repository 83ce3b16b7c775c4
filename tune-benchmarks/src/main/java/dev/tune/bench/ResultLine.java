package dev.tune.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One {@code RESULT} line in the form BENCHMARKS.md fixes, so a script can read it: fields
 * separated by one space, {@code name=value} pairs, numbers as plain decimals (never
 * {@code 1.2E4}).
 *
 * <pre>{@code
 * ResultLine.of("B1", "random").count("trials", 10_000).decimal("seconds", 0.4123, 3)
 *     -> "RESULT B1 random trials=10000 seconds=0.412"
 * }</pre>
 */
final class ResultLine {

    private final StringBuilder text;

    private ResultLine(String benchmark, String name) {
        this.text = new StringBuilder("RESULT ").append(benchmark).append(' ').append(name);
    }

    static ResultLine of(String benchmark, String name) {
        return new ResultLine(benchmark, name);
    }

    ResultLine count(String field, long value) {
        return field(field, Long.toString(value));
    }

    /** Adds {@code value}, one word (no spaces). */
    ResultLine word(String field, String value) {
        return field(field, value.replace(' ', '_'));
    }

    /** Adds {@code value} rounded half-even to {@code places} decimals. */
    ResultLine decimal(String field, double value, int places) {
        return field(field, plain(value, places));
    }

    /** {@code value} as a plain decimal with {@code places} decimals; {@code NaN} when it is not finite. */
    static String plain(double value, int places) {
        if (!Double.isFinite(value)) {
            return "NaN";
        }
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    private ResultLine field(String field, String value) {
        text.append(' ').append(field).append('=').append(value);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
