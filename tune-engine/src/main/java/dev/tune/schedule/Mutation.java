package dev.tune.schedule;

import dev.tune.space.Domain;
import dev.tune.space.Grid;
import dev.tune.space.SampleFrom;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * How Population Based Training changes one hyperparameter when it explores, as an entry of Ray's
 * {@code hyperparam_mutations}: a list of allowed values moves to a neighbour (or, with the
 * resample probability, to any value); a domain or a sampling function draws a fresh value with
 * the resample probability and otherwise scales the current value by one of the perturbation
 * factors (an integer stays an integer, truncated as Ray truncates it; the result is not clipped
 * to the domain's bounds, as in Ray).
 */
public sealed interface Mutation {

    /** An ordered list of values; exploring moves to an adjacent one. Ray's list form. */
    static Mutation adjacent(List<?> values) {
        return new Adjacent(List.copyOf(values));
    }

    /** A distribution to resample from, or scale within. Ray's {@code tune.uniform(...)} form. */
    static Mutation resample(Domain domain) {
        return new Resample(domain);
    }

    /** A function that draws a fresh value. Ray's {@code lambda: random.uniform(...)} form. */
    static Mutation sample(Function<RandomGenerator, ?> draw) {
        return new Sampled(draw);
    }

    /** Values in order; explore steps to a neighbour, clamped at the ends. */
    record Adjacent(List<Object> values) implements Mutation {
        public Adjacent {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a list mutation needs at least one value");
            }
        }
    }

    /** A domain to resample from; grid and sample-from domains cannot be resampled alone. */
    record Resample(Domain domain) implements Mutation {
        public Resample {
            Objects.requireNonNull(domain, "domain");
            if (domain instanceof Grid || domain instanceof SampleFrom) {
                throw new IllegalArgumentException("PBT cannot resample " + domain.describe()
                        + ": give a list of values or a function instead");
            }
        }
    }

    /** A function drawing a fresh value. */
    record Sampled(Function<RandomGenerator, ?> draw) implements Mutation {
        public Sampled {
            Objects.requireNonNull(draw, "draw");
        }
    }
}
