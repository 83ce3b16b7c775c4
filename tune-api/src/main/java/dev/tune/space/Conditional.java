package dev.tune.space;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A hyperparameter that exists only when another one, declared before it, takes one of
 * {@code values}: {@code momentum} only for {@code optimizer = sgd}. A config where the condition
 * fails has no value for it (Optuna's define-by-run {@code if}; Ray's nested conditional spaces).
 * Searchers model it from the trials that have it. Built with {@link SpaceBuilder#when}.
 */
public record Conditional(String parent, List<Object> values, Domain domain) implements Domain {

    public Conditional {
        Objects.requireNonNull(parent, "parent");
        values = List.copyOf(values);
        Objects.requireNonNull(domain, "domain");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition on '" + parent + "' needs at least one value");
        }
        if (domain instanceof Grid) {
            throw new IllegalArgumentException("a grid cannot be conditional: every grid point runs; use a choice");
        }
    }

    /** True when {@code parentValue} (null when the parent is absent) meets the condition. */
    public boolean holdsFor(Object parentValue) {
        return parentValue != null && Categorical.indexOf(values, parentValue) >= 0;
    }

    /** The domain its values come from, under every condition. */
    public Domain base() {
        return domain instanceof Conditional inner ? inner.base() : domain;
    }

    @Override
    public Object sample(RandomGenerator random) {
        return domain.sample(random);
    }

    @Override
    public boolean contains(Object value) {
        return domain.contains(value);
    }

    @Override
    public String describe() {
        return domain.describe() + " if " + parent + (values.size() == 1 ? " = " + values.get(0) : " in " + values);
    }
}
