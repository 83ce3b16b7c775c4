package dev.tune.space;

import dev.tune.Config;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A search space: every hyperparameter of an experiment, by name, with the {@link Domain} its
 * values come from (Ray's {@code param_space}). Immutable and ordered: searchers see the names in
 * declaration order, and {@link SampleFrom} values may read every value declared before them.
 *
 * <p>Build one in code with {@link #builder()}; tune builds one from domain annotations, and merges
 * both when a trainable has a {@link dev.tune.SearchSpace @SearchSpace} member.
 */
public final class Space {

    private static final Space EMPTY = new Space(Map.of());

    private final Map<String, Domain> domains;

    private Space(Map<String, Domain> domains) {
        this.domains = domains;
    }

    /** A builder for a space, with Ray's sampling functions as methods. */
    public static SpaceBuilder builder() {
        return new SpaceBuilder();
    }

    /** The space with no hyperparameters: every trial gets an empty config. */
    public static Space empty() {
        return EMPTY;
    }

    static Space of(Map<String, Domain> domains) {
        return domains.isEmpty() ? EMPTY : new Space(Collections.unmodifiableMap(new LinkedHashMap<>(domains)));
    }

    /** Every hyperparameter with its domain, in declaration order; unmodifiable. */
    public Map<String, Domain> domains() {
        return domains;
    }

    public boolean isEmpty() {
        return domains.isEmpty();
    }

    /** The names of the {@link Grid} hyperparameters, in declaration order. */
    public List<String> gridNames() {
        List<String> names = new ArrayList<>();
        domains.forEach((name, domain) -> {
            if (domain instanceof Grid) {
                names.add(name);
            }
        });
        return names;
    }

    /** This space and {@code other} together; a name in both is an error. */
    public Space merge(Space other) {
        if (other.isEmpty()) {
            return this;
        }
        SpaceBuilder builder = builder();
        domains.forEach(builder::add);
        other.domains.forEach(builder::add);
        return builder.build();
    }

    /**
     * Draws one config: a value in {@code given} is taken as it is (a searcher's choice; grid
     * hyperparameters must all be given), constants are copied, other domains are sampled with
     * {@code random} in declaration order, then {@link SampleFrom} functions are applied in
     * declaration order.
     */
    public Config sample(RandomGenerator random, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>(domains.size() * 2);
        boolean computed = false;
        for (Map.Entry<String, Domain> entry : domains.entrySet()) {
            String name = entry.getKey();
            Domain domain = entry.getValue();
            if (domain instanceof Conditional condition) {
                if (!active(condition, values)) {
                    continue;
                }
                domain = condition.base();
            }
            if (!(domain instanceof SampleFrom) && given.get(name) != null) {
                values.put(name, given.get(name));
            } else if (domain instanceof Grid) {
                throw new IllegalArgumentException("no grid value given for '" + name + "'");
            } else if (domain instanceof SampleFrom) {
                computed = true;
                values.put(name, null);
            } else {
                values.put(name, domain.sample(random));
            }
        }
        if (computed) {
            resolveComputed(values);
        }
        return Config.of(values);
    }

    private static boolean active(Conditional condition, Map<String, Object> values) {
        return condition.holdsFor(values.get(condition.parent()))
                && (!(condition.domain() instanceof Conditional inner) || active(inner, values));
    }

    private void resolveComputed(Map<String, Object> values) {
        for (Map.Entry<String, Domain> entry : domains.entrySet()) {
            Domain domain = entry.getValue() instanceof Conditional c ? c.base() : entry.getValue();
            if (domain instanceof SampleFrom from && values.containsKey(entry.getKey())) {
                Map<String, Object> known = new LinkedHashMap<>(values);
                known.values().removeIf(Objects::isNull);
                Object value = from.function().apply(Config.of(known));
                if (value == null) {
                    values.remove(entry.getKey());
                } else {
                    values.put(entry.getKey(), value);
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Space other && domains.equals(other.domains);
    }

    @Override
    public int hashCode() {
        return domains.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        domains.forEach((name, domain) -> text.append(text.length() > 1 ? ", " : "").append(name).append('=')
                .append(domain.describe()));
        return text.append('}').toString();
    }
}
