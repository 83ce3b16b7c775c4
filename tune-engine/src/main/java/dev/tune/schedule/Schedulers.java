package dev.tune.schedule;

import dev.tune.Mode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a scheduler from its text form, as {@code tune.scheduler} gives it: a name, optionally
 * with Ray's parameters, e.g. {@code fifo}, {@code median(gracePeriod=5,minSamplesRequired=3)} or
 * {@code asha(maxT=81,gracePeriod=1,reductionFactor=3,brackets=1)} or
 * {@code hyperband(maxT=81,reductionFactor=3)} or
 * {@code pbt(timeAttr=training_iteration,perturbationInterval=5,mutations=lr|momentum)} (lists are
 * separated by {@code |}; mutated names take their domain from the search space). Common keys: {@code timeAttr}
 * ({@code training_iteration} or {@code time_total_s}), {@code metric}, {@code mode}.
 */
public final class Schedulers {

    private Schedulers() {
    }

    public static Scheduler parse(String spec) {
        String text = spec.trim();
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        if (open >= 0) {
            if (!text.endsWith(")")) {
                throw new IllegalArgumentException("write a scheduler as name(key=value,...), got '" + spec + "'");
            }
            for (String pair : text.substring(open + 1, text.length() - 1).split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected key=value in '" + spec + "', got '" + pair.trim()
                            + "'");
                }
                params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        Scheduler scheduler = build(name, new Params(params, spec));
        return scheduler;
    }

    private static Scheduler build(String name, Params p) {
        switch (name) {
            case "fifo":
                p.done();
                return new FifoScheduler();
            case "median":
            case "median_stopping":
                return p.done(new MedianStoppingRule(p.time(TimeAttribute.TIME_TOTAL_SECONDS), p.text("metric"),
                        p.mode(), p.number("gracePeriod", 60), (int) p.number("minSamplesRequired", 3)));
            case "asha":
            case "async_hyperband":
                return p.done(new AsyncHyperBandScheduler(p.time(TimeAttribute.ITERATION), p.text("metric"), p.mode(),
                        p.number("maxT", 100), p.number("gracePeriod", 1), p.number("reductionFactor", 4),
                        (int) p.number("brackets", 1)));
            case "hyperband":
                return p.done(new HyperBandScheduler(p.time(TimeAttribute.ITERATION), p.text("metric"), p.mode(),
                        p.number("maxT", 81), p.number("reductionFactor", 3)));
            case "pbt":
            case "population_based_training":
                return p.done(pbt(p));
            default:
                throw new IllegalArgumentException("unknown scheduler '" + name
                        + "': use fifo, median, asha, hyperband or pbt");
        }
    }

    private static Scheduler pbt(Params p) {
        PbtSettings.Builder pbt = PopulationBasedTraining.builder();
        String time = p.text("timeAttr");
        if (time != null) {
            pbt.timeAttr(time);
        }
        pbt.metric(p.text("metric")).mode(p.mode())
                .perturbationInterval(p.number("perturbationInterval", 60))
                .burnInPeriod(p.number("burnInPeriod", 0))
                .quantileFraction(p.number("quantileFraction", 0.25))
                .resampleProbability(p.number("resampleProbability", 0.25))
                .logConfig(p.flag("logConfig", true)).requireAttrs(p.flag("requireAttrs", true))
                .synch(p.flag("synch", false));
        String factors = p.text("perturbationFactors");
        if (factors != null) {
            String[] parts = factors.split("\\|");
            double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    values[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("perturbationFactors must be numbers separated by |, got '"
                            + factors + "'");
                }
            }
            pbt.perturbationFactors(values);
        }
        String mutations = p.text("mutations");
        if (mutations != null) {
            for (String name : mutations.split("\\|")) {
                if (!name.isBlank()) {
                    pbt.mutate(name.trim());
                }
            }
        }
        return pbt.build();
    }

    /** The parameters of one spec; each read removes it, so leftovers are reported as unknown. */
    private static final class Params {
        private final Map<String, String> values;
        private final String spec;

        Params(Map<String, String> values, String spec) {
            this.values = values;
            this.spec = spec;
        }

        String text(String key) {
            return values.remove(key);
        }

        double number(String key, double fallback) {
            String v = values.remove(key);
            try {
                return v == null ? fallback : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " in '" + spec + "' must be a number, got '" + v + "'");
            }
        }

        boolean flag(String key, boolean fallback) {
            String v = values.remove(key);
            if (v == null) {
                return fallback;
            }
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(key + " in '" + spec + "' must be true or false, got '" + v + "'");
            }
            return Boolean.parseBoolean(v);
        }

        TimeAttribute time(TimeAttribute fallback) {
            String v = values.remove("timeAttr");
            return v == null ? fallback : TimeAttribute.parse(v);
        }

        Mode mode() {
            String v = values.remove("mode");
            return v == null ? null : Mode.valueOf(v.toUpperCase(Locale.ROOT));
        }

        void done() {
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown parameters " + values.keySet() + " in '" + spec + "'");
            }
        }

        Scheduler done(Scheduler scheduler) {
            done();
            return scheduler;
        }
    }
}
