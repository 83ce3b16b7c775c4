package dev.tune.schedule;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Result;
import dev.tune.space.Categorical;
import dev.tune.space.Conditional;
import dev.tune.space.Constant;
import dev.tune.space.Domain;
import dev.tune.space.Grid;
import dev.tune.space.SampleFrom;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parameters of {@link PopulationBasedTraining}, one for each of Ray's: {@code timeAttr}
 * ({@code training_iteration}, {@code time_total_s}, or any reported metric that only grows),
 * {@code metric} and {@code mode} (null for the experiment's), {@code perturbationInterval},
 * {@code burnInPeriod}, the mutations (by {@link Mutation}, or by name: the space's domain, a
 * choice or grid moving to adjacent values), {@code quantileFraction}, {@code resampleProbability},
 * {@code perturbationFactors}, {@code customExplore}, {@code logConfig}, {@code requireAttrs} and
 * {@code synch}.
 */
public record PbtSettings(String timeAttr, String metric, Mode mode, double perturbationInterval,
        double burnInPeriod, Map<String, Mutation> mutations, List<String> spaceMutations, double quantileFraction,
        double resampleProbability, List<Double> perturbationFactors, UnaryOperator<Config> customExplore,
        boolean logConfig, boolean requireAttrs, boolean synch) {

    public PbtSettings {
        mutations = Map.copyOf(mutations);
        spaceMutations = List.copyOf(spaceMutations);
        perturbationFactors = List.copyOf(perturbationFactors);
        if (!(perturbationInterval > 0) || !(burnInPeriod >= 0)) {
            throw new IllegalArgumentException("PBT needs perturbationInterval > 0 and burnInPeriod >= 0, got "
                    + perturbationInterval + " and " + burnInPeriod);
        }
        if (!(quantileFraction >= 0 && quantileFraction <= 0.5)) {
            throw new IllegalArgumentException("PBT's quantileFraction must be between 0 and 0.5, got "
                    + quantileFraction);
        }
        if (!(resampleProbability >= 0 && resampleProbability <= 1)) {
            throw new IllegalArgumentException("PBT's resampleProbability must be between 0 and 1, got "
                    + resampleProbability);
        }
        if (perturbationFactors.isEmpty()) {
            throw new IllegalArgumentException("PBT needs at least one perturbation factor");
        }
        if (mutations.isEmpty() && spaceMutations.isEmpty() && customExplore == null) {
            throw new IllegalArgumentException("PBT needs hyperparameter mutations or a custom explore function, e.g. "
                    + "pbt(perturbationInterval=5,mutations=lr|momentum)");
        }
    }

    /** The time attribute's reading in {@code result}, or null when the result lacks it. */
    Double timeOf(Result result) {
        switch (timeAttr) {
            case "training_iteration": return (double) result.iteration();
            case "time_total_s": return result.timeTotalSeconds();
            case "time_since_restore": return result.timeSinceRestoreSeconds();
            case "iterations_since_restore": return (double) result.iterationsSinceRestore();
            default: return result.metrics().get(timeAttr);
        }
    }

    /** The explore step for {@code space}: mutations by name take their domain from it. */
    Explorer explorer(Space space) {
        Map<String, Mutation> all = new LinkedHashMap<>(mutations);
        for (String name : spaceMutations) {
            Domain domain = space.domains().get(name);
            if (domain != null) {
                all.put(name, fromSpace(name, domain));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : spaceMutations) {
            if (!space.domains().containsKey(name)) {
                missing.add(name);
            }
        }
        for (String name : mutations.keySet()) {
            if (!space.domains().containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("PBT mutates " + missing + " but the search space has "
                    + space.domains().keySet() + "; declare each mutated hyperparameter in the space, so every "
                    + "trial starts with a value");
        }
        return new Explorer(all, resampleProbability, perturbationFactors, customExplore);
    }

    private static Mutation fromSpace(String name, Domain domain) {
        if (domain instanceof Conditional conditional) {
            return fromSpace(name, conditional.base());
        }
        if (domain instanceof Categorical choice) {
            return Mutation.adjacent(choice.values());
        }
        if (domain instanceof Grid grid) {
            return Mutation.adjacent(grid.values());
        }
        if (domain instanceof Constant || domain instanceof SampleFrom) {
            throw new IllegalArgumentException("PBT cannot mutate '" + name + "' (" + domain.describe()
                    + "): give it a distribution, a choice, or a mutation in code");
        }
        return Mutation.resample(domain);
    }

    /** Builds {@link PopulationBasedTraining} with Ray's defaults for what is not set. */
    public static final class Builder {
        private String timeAttr = "time_total_s";
        private String metric;
        private Mode mode;
        private double perturbationInterval = 60;
        private double burnInPeriod;
        private final Map<String, Mutation> mutations = new LinkedHashMap<>();
        private final List<String> spaceMutations = new ArrayList<>();
        private double quantileFraction = 0.25;
        private double resampleProbability = 0.25;
        private List<Double> perturbationFactors = List.of(1.2, 0.8);
        private UnaryOperator<Config> customExplore;
        private boolean logConfig = true;
        private boolean requireAttrs = true;
        private boolean synch;

        Builder() {
        }

        /** Ray's {@code time_attr}: {@code training_iteration}, {@code time_total_s} or a reported metric. */
        public Builder timeAttr(String name) {
            this.timeAttr = name;
            return this;
        }

        public Builder metric(String name) {
            this.metric = name;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder perturbationInterval(double interval) {
            this.perturbationInterval = interval;
            return this;
        }

        public Builder burnInPeriod(double period) {
            this.burnInPeriod = period;
            return this;
        }

        /** Mutates {@code name} as {@code mutation} says. */
        public Builder mutate(String name, Mutation mutation) {
            mutations.put(name, mutation);
            return this;
        }

        /** Mutates {@code name} within its domain in the search space (a choice moves to adjacent values). */
        public Builder mutate(String name) {
            spaceMutations.add(name);
            return this;
        }

        public Builder quantileFraction(double fraction) {
            this.quantileFraction = fraction;
            return this;
        }

        public Builder resampleProbability(double probability) {
            this.resampleProbability = probability;
            return this;
        }

        public Builder perturbationFactors(double... factors) {
            List<Double> list = new ArrayList<>();
            for (double f : factors) {
                list.add(f);
            }
            this.perturbationFactors = list;
            return this;
        }

        /** Called with each explored config after the mutations; returns the config to use. */
        public Builder customExplore(UnaryOperator<Config> explore) {
            this.customExplore = explore;
            return this;
        }

        public Builder logConfig(boolean log) {
            this.logConfig = log;
            return this;
        }

        public Builder requireAttrs(boolean require) {
            this.requireAttrs = require;
            return this;
        }

        public Builder synch(boolean synch) {
            this.synch = synch;
            return this;
        }

        public PopulationBasedTraining build() {
            return new PopulationBasedTraining(new PbtSettings(timeAttr, metric, mode, perturbationInterval,
                    burnInPeriod, mutations, spaceMutations, quantileFraction, resampleProbability,
                    perturbationFactors, customExplore, logConfig, requireAttrs, synch));
        }
    }
}
