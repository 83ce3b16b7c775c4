package dev.tune.options;

import dev.tune.Mode;
import dev.tune.io.Secrets;
import dev.tune.schedule.Scheduler;
import dev.tune.search.Searcher;
import dev.tune.stop.Stopper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The settings of an experiment run: an immutable set of {@link TuneOption} values in which "not
 * set" stays distinct from "default". Layers combine with {@link #overriddenBy}: the annotation's
 * settings, then those given in code or the POM, then {@code tune.*} properties from the command
 * line, the last layer winning. {@link Tuner}, the JUnit engine and the Maven plugin all build one.
 */
public final class TuneOptions {

    private static final TuneOptions EMPTY = new TuneOptions(Map.of());

    private final Map<Option<?>, Object> values;

    private TuneOptions(Map<Option<?>, Object> values) {
        this.values = values;
    }

    public static TuneOptions empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /**
     * The options whose text form {@code lookup} finds, e.g. {@code System::getProperty} or a JUnit
     * configuration parameter lookup. An unreadable value throws, naming the key.
     */
    public static TuneOptions fromText(Function<String, String> lookup) {
        Builder builder = builder();
        for (Option<?> option : TuneOption.all()) {
            if (option.hasTextForm()) {
                String text = lookup.apply(option.key());
                if (text != null && !text.isBlank()) {
                    builder.values.put(option, option.parse(text));
                }
            }
        }
        return builder.build();
    }

    /** The {@code tune.*} system properties. */
    public static TuneOptions fromSystemProperties() {
        return fromText(System::getProperty);
    }

    /** The value set for {@code option}, if any. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Option<T> option) {
        return Optional.ofNullable((T) values.get(option));
    }

    /** The value set for {@code option}, else its default; throws when it has neither. */
    public <T> T resolve(Option<T> option) {
        return get(option).or(option::defaultValue)
                .orElseThrow(() -> new IllegalStateException(option.key() + " is not set and has no default"));
    }

    public boolean isSet(Option<?> option) {
        return values.containsKey(option);
    }

    /** These options with every value that {@code over} sets replacing this one's. */
    public TuneOptions overriddenBy(TuneOptions over) {
        if (over.values.isEmpty()) {
            return this;
        }
        Map<Option<?>, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(over.values);
        return new TuneOptions(Collections.unmodifiableMap(merged));
    }

    /**
     * The options that have a text form, as {@code key -> text}, with defaults filled in: what experiment.json
     * records.
     */
    public Map<String, String> describe() {
        Map<String, String> text = new TreeMap<>();
        for (Option<?> option : TuneOption.all()) {
            Object v = valueOrDefault(option);
            if (option.hasTextForm() && v != null && !option.isSecret()) {
                text.put(option.key(), option == TuneOption.STORAGE ? Secrets.maskUrl(asText(v)) : asText(v));
            }
        }
        return text;
    }

    private static String asText(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return String.join(",", map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        if (value instanceof Duration duration) {
            return duration.toMillis() + "ms";
        }
        return String.valueOf(value);
    }

    private <T> T valueOrDefault(Option<T> option) {
        return get(option).or(option::defaultValue).orElse(null);
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k.key(), k.isSecret() ? "****"
                : k == TuneOption.STORAGE ? Secrets.maskUrl(String.valueOf(v)) : v));
        return "TuneOptions" + shown;
    }

    /** Builds options; typed shortcuts cover what code sets most. */
    public static final class Builder {
        private final Map<Option<?>, Object> values;

        private Builder(Map<Option<?>, Object> values) {
            this.values = values;
        }

        public <T> Builder set(Option<T> option, T value) {
            if (value == null) {
                values.remove(option);
            } else {
                values.put(option, value);
            }
            return this;
        }

        public Builder name(String name) {
            return set(TuneOption.NAME, name);
        }

        /** One metric to optimise in {@code mode}. */
        public Builder metric(String metric, Mode mode) {
            set(TuneOption.METRIC, List.of(metric));
            return set(TuneOption.MODE, List.of(mode));
        }

        public Builder samples(int samples) {
            return set(TuneOption.SAMPLES, samples);
        }

        public Builder seed(long seed) {
            return set(TuneOption.SEED, seed);
        }

        public Builder searcher(String name) {
            return set(TuneOption.SEARCHER, name);
        }

        public Builder searcher(Supplier<Searcher> factory) {
            return set(TuneOption.SEARCHER_FACTORY, factory);
        }

        /** A scheduler by its text form, e.g. {@code asha(maxT=81,gracePeriod=1,reductionFactor=3)}. */
        public Builder scheduler(String spec) {
            return set(TuneOption.SCHEDULER, spec);
        }

        public Builder scheduler(Supplier<Scheduler> factory) {
            return set(TuneOption.SCHEDULER_FACTORY, factory);
        }

        public Builder maxConcurrentTrials(int max) {
            return set(TuneOption.MAX_CONCURRENT_TRIALS, max);
        }

        public Builder maxIterations(long iterations) {
            return set(TuneOption.MAX_ITERATIONS, iterations);
        }

        public Builder timeBudget(Duration budget) {
            return set(TuneOption.TIME_BUDGET, budget);
        }

        public Builder stoppers(Stopper... stoppers) {
            return set(TuneOption.STOPPERS, List.of(stoppers));
        }

        public Builder storagePath(Path path) {
            return set(TuneOption.STORAGE_PATH, path);
        }

        /** Keep results in memory only: nothing is written. */
        public Builder inMemory() {
            return set(TuneOption.PERSIST, false);
        }

        public Builder verbose(int level) {
            return set(TuneOption.VERBOSE, level);
        }

        public Builder output(PrintStream output) {
            return set(TuneOption.OUTPUT, output);
        }

        public Builder callbacks(Callback... callbacks) {
            List<Callback> all = new ArrayList<>(Optional.ofNullable(cast(values.get(TuneOption.CALLBACKS)))
                    .orElse(List.of()));
            all.addAll(Arrays.asList(callbacks));
            return set(TuneOption.CALLBACKS, List.copyOf(all));
        }

        public Builder failFast(boolean failFast) {
            return set(TuneOption.FAIL_FAST, failFast);
        }

        public Builder maxFailures(int maxFailures) {
            return set(TuneOption.MAX_FAILURES, maxFailures);
        }

        public TuneOptions build() {
            return values.isEmpty() ? EMPTY : new TuneOptions(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }

        @SuppressWarnings("unchecked")
        private static List<Callback> cast(Object value) {
            return (List<Callback>) value;
        }
    }
}
