package dev.tune.bench;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One trial of a B4W run as its experiment recorded it: its number (its place in the order the
 * experiment created trials, the same in every worker), its value (NaN without one) and when it
 * ran, in epoch milliseconds, from its one result: the result's timestamp is the end, and the end
 * less the trial's total time is the start. Worker JVMs hand their trials to the benchmark as
 * {@link #line()}s.
 */
record B4Trial(int number, double value, long startMs, long endMs) {

    /** The record of {@code trial}, whose last result reports the metric {@code value}. */
    static B4Trial of(Trial trial) {
        Optional<Result> last = trial.lastResult();
        if (last.isEmpty()) {
            return new B4Trial(trial.number(), Double.NaN, 0, 0);
        }
        Result result = last.get();
        long end = result.timestamp();
        return new B4Trial(trial.number(), result.metric("value"),
                end - Math.round(result.timeTotalSeconds() * 1000), end);
    }

    /** {@code number value startMs endMs}, the value as Java prints a double, so it reads back exactly. */
    String line() {
        return number + " " + value + " " + startMs + " " + endMs;
    }

    /** Reads a {@link #line()}. */
    static B4Trial parse(String line) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 4) {
            throw new IllegalArgumentException("a B4W trial line has 4 fields: " + line);
        }
        return new B4Trial(Integer.parseInt(fields[0]), Double.parseDouble(fields[1]), Long.parseLong(fields[2]),
                Long.parseLong(fields[3]));
    }

    /**
     * Regret after 25, 50 and 100 trials ({@link B4Protocol#regrets}) with the trials taken in
     * number order, whatever order they ended or were listed in.
     */
    static double[] regrets(List<B4Trial> trials, double optimum) {
        List<B4Trial> ordered = new ArrayList<>(trials);
        ordered.sort(Comparator.comparingInt(B4Trial::number));
        double[] values = new double[ordered.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ordered.get(i).value();
        }
        return B4Protocol.regrets(values, optimum);
    }

    /**
     * How many trials ran at once on average: their summed running time over the time from the
     * first start to the last end. 1 for trials one after another, up to the concurrency allowed
     * when they overlap fully; NaN when no trial took time.
     */
    static double concurrency(List<B4Trial> trials) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long busy = 0;
        for (B4Trial t : trials) {
            if (!Double.isNaN(t.value())) {
                first = Math.min(first, t.startMs());
                last = Math.max(last, t.endMs());
                busy += t.endMs() - t.startMs();
            }
        }
        return last > first ? (double) busy / (last - first) : Double.NaN;
    }
}
