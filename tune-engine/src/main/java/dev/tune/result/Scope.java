package dev.tune.result;

import java.util.Locale;

/**
 * Which of a trial's results count when trials are compared, as Ray's {@code scope} of
 * {@code get_best_result}: {@link #LAST} (Ray's {@code "last"}), {@link #ALL} (the best value over
 * every step, Ray's {@code "all"}), {@link #AVG} (the mean over every step, Ray's {@code "avg"}),
 * or the mean of the last {@code n} steps ({@link #lastAvg(int)}, Ray's {@code "last-5-avg"},
 * {@code "last-10-avg"}; n at most {@value MetricStats#WINDOW}).
 *
 * @param kind the rule
 * @param n the window for {@link Kind#LAST_N_AVG}, else 0
 */
public record Scope(Kind kind, int n) {

    /** The rules a scope can follow. */
    public enum Kind { LAST, ALL, AVG, LAST_N_AVG }

    public static final Scope LAST = new Scope(Kind.LAST, 0);
    public static final Scope ALL = new Scope(Kind.ALL, 0);
    public static final Scope AVG = new Scope(Kind.AVG, 0);

    public Scope {
        if (kind == Kind.LAST_N_AVG && (n < 1 || n > MetricStats.WINDOW)) {
            throw new IllegalArgumentException("last-n-avg needs 1 <= n <= " + MetricStats.WINDOW + ", got " + n);
        }
    }

    /** The mean of the last {@code n} reported values. */
    public static Scope lastAvg(int n) {
        return new Scope(Kind.LAST_N_AVG, n);
    }

    /** Parses Ray's spelling: {@code last}, {@code all}, {@code avg}, {@code last-5-avg}. */
    public static Scope parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "last": return LAST;
            case "all": return ALL;
            case "avg": return AVG;
            default:
                if (t.startsWith("last-") && t.endsWith("-avg")) {
                    return lastAvg(Integer.parseInt(t.substring(5, t.length() - 4)));
                }
                throw new IllegalArgumentException("unknown scope '" + text + "': use last, all, avg or last-N-avg");
        }
    }
}
