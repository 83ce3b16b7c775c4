package dev.tune.schedule;

import dev.tune.result.Result;
import java.util.Locale;

/**
 * The clock a scheduler measures trial progress in, as Ray's {@code time_attr}: iterations
 * ({@code training_iteration}) or training seconds ({@code time_total_s}).
 */
public enum TimeAttribute {
    /** Ray's {@code training_iteration}. */
    ITERATION,
    /** Ray's {@code time_total_s}. */
    TIME_TOTAL_SECONDS;

    /** This clock's reading in {@code result}. */
    public double of(Result result) {
        return this == ITERATION ? result.iteration() : result.timeTotalSeconds();
    }

    /** Reads Ray's names ({@code training_iteration}, {@code time_total_s}) or this enum's. */
    public static TimeAttribute parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "training_iteration": case "iteration": return ITERATION;
            case "time_total_s": case "time_total_seconds": return TIME_TOTAL_SECONDS;
            default: throw new IllegalArgumentException("unknown time attribute '" + text
                    + "': use training_iteration or time_total_s");
        }
    }
}
