package dev.tune.schedule;

import dev.tune.Config;
import dev.tune.space.Categorical;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * PBT's explore step: a new config from the donor's, each mutated hyperparameter resampled with
 * the resample probability, else moved to a neighbour (lists) or scaled by a perturbation factor
 * (domains and functions); then the custom explore function, if any, sees the result.
 */
final class Explorer {

    private final Map<String, Mutation> mutations;
    private final double resampleProbability;
    private final List<Double> factors;
    private final UnaryOperator<Config> custom;

    Explorer(Map<String, Mutation> mutations, double resampleProbability, List<Double> factors,
            UnaryOperator<Config> custom) {
        this.mutations = Map.copyOf(mutations);
        this.resampleProbability = resampleProbability;
        this.factors = List.copyOf(factors);
        this.custom = custom;
    }

    Map<String, Mutation> mutations() {
        return mutations;
    }

    Config explore(Config config, RandomGenerator random) {
        Map<String, Object> values = new LinkedHashMap<>(config.asMap());
        // Iterate in the config's order so a seeded run draws the same numbers every time.
        for (String name : config.asMap().keySet()) {
            Mutation mutation = mutations.get(name);
            if (mutation != null) {
                values.put(name, mutate(name, config.get(name), mutation, random));
            }
        }
        Config explored = Config.of(values);
        if (custom != null) {
            explored = custom.apply(explored);
            if (explored == null) {
                throw new IllegalStateException("the PBT custom explore function returned null; return the config");
            }
        }
        return explored;
    }

    private Object mutate(String name, Object current, Mutation mutation, RandomGenerator random) {
        if (mutation instanceof Mutation.Adjacent adjacent) {
            List<Object> values = adjacent.values();
            int index = Categorical.indexOf(values, current);
            if (random.nextDouble() < resampleProbability || index < 0) {
                return values.get(random.nextInt(values.size()));
            }
            return random.nextDouble() > 0.5 ? values.get(Math.max(0, index - 1))
                    : values.get(Math.min(values.size() - 1, index + 1));
        }
        if (random.nextDouble() < resampleProbability) {
            return mutation instanceof Mutation.Resample resample ? resample.domain().sample(random)
                    : ((Mutation.Sampled) mutation).draw().apply(random);
        }
        if (!(current instanceof Number number)) {
            throw new IllegalStateException("PBT can only scale numbers, but hyperparameter '" + name + "' is "
                    + current + "; mutate it with a list of values instead");
        }
        double scaled = number.doubleValue() * factors.get(random.nextInt(factors.size()));
        if (current instanceof Integer) {
            return (int) scaled;
        }
        if (current instanceof Long) {
            return (long) scaled;
        }
        if (current instanceof Float) {
            return (float) scaled;
        }
        return scaled;
    }
}
