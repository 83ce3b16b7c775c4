package dev.tune.space;

import dev.tune.Config;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Space} with Ray's sampling functions, in Ray's argument conventions: upper
 * bounds of {@code uniform}, {@code loguniform}, {@code randint} and {@code lograndint} are
 * exclusive; those of the {@code q} variants are inclusive. A bad bound or a repeated name throws
 * {@link IllegalArgumentException} naming the hyperparameter.
 *
 * <pre>{@code
 * Space space = Space.builder()
 *     .loguniform("lr", 1e-4, 1e-1)
 *     .choice("batch", 16, 32, 64)
 *     .nested("optimizer", o -> o.uniform("momentum", 0.8, 0.99))
 *     .sampleFrom("warmup", c -> c.getInt("batch") * 10)
 *     .build();
 * }</pre>
 */
public final class SpaceBuilder {

    private final String prefix;
    private final Map<String, Domain> domains;
    private final UnaryOperator<Domain> condition;

    SpaceBuilder() {
        this("", new LinkedHashMap<>(), d -> d);
    }

    private SpaceBuilder(String prefix, Map<String, Domain> domains, UnaryOperator<Domain> condition) {
        this.prefix = prefix;
        this.domains = domains;
        this.condition = condition;
    }

    public SpaceBuilder uniform(String name, double lower, double upper) {
        return add(name, () -> FloatDomain.uniform(lower, upper));
    }

    public SpaceBuilder quniform(String name, double lower, double upper, double q) {
        return add(name, () -> FloatDomain.quniform(lower, upper, q));
    }

    public SpaceBuilder loguniform(String name, double lower, double upper) {
        return loguniform(name, lower, upper, 10);
    }

    public SpaceBuilder loguniform(String name, double lower, double upper, double base) {
        return add(name, () -> FloatDomain.loguniform(lower, upper, base));
    }

    public SpaceBuilder qloguniform(String name, double lower, double upper, double q) {
        return add(name, () -> FloatDomain.qloguniform(lower, upper, q, 10));
    }

    public SpaceBuilder randn(String name, double mean, double sd) {
        return add(name, () -> NormalDomain.randn(mean, sd));
    }

    public SpaceBuilder qrandn(String name, double mean, double sd, double q) {
        return add(name, () -> NormalDomain.qrandn(mean, sd, q));
    }

    /** An integer in {@code [lower, upper)}: upper exclusive, as Ray's {@code randint}. */
    public SpaceBuilder randint(String name, long lower, long upper) {
        return add(name, () -> IntDomain.randint(lower, upper));
    }

    /** A multiple of {@code q} in {@code [lower, upper]}: upper inclusive, as Ray's {@code qrandint}. */
    public SpaceBuilder qrandint(String name, long lower, long upper, long q) {
        return add(name, () -> IntDomain.qrandint(lower, upper, q));
    }

    /** An integer in {@code [lower, upper)} on a log scale, as Ray's {@code lograndint}. */
    public SpaceBuilder lograndint(String name, long lower, long upper) {
        return add(name, () -> IntDomain.lograndint(lower, upper, 10));
    }

    /** A multiple of {@code q} in {@code [lower, upper]} on a log scale, as Ray's {@code qlograndint}. */
    public SpaceBuilder qlograndint(String name, long lower, long upper, long q) {
        return add(name, () -> IntDomain.qlograndint(lower, upper, q, 10));
    }

    public SpaceBuilder choice(String name, Object... values) {
        return choice(name, Arrays.asList(values));
    }

    public SpaceBuilder choice(String name, List<?> values) {
        return add(name, () -> new Categorical(List.copyOf(values)));
    }

    public SpaceBuilder grid(String name, Object... values) {
        return grid(name, Arrays.asList(values));
    }

    public SpaceBuilder grid(String name, List<?> values) {
        return add(name, () -> new Grid(List.copyOf(values)));
    }

    /** A value computed from the values declared before it; {@code null} leaves it out. */
    public SpaceBuilder sampleFrom(String name, Function<Config, Object> function) {
        return add(name, () -> new SampleFrom(function));
    }

    public SpaceBuilder constant(String name, Object value) {
        return add(name, () -> new Constant(value));
    }

    /** Declares the hyperparameters that {@code group} adds under {@code prefix.} (Ray's nested dicts). */
    public SpaceBuilder nested(String prefix, Consumer<SpaceBuilder> group) {
        group.accept(new SpaceBuilder(qualify(prefix) + ".", domains, condition));
        return this;
    }

    /**
     * Declares the hyperparameters that {@code group} adds as existing only when {@code parent}
     * (declared before, by its full name) takes one of {@code values}:
     * <pre>{@code
     * .choice("optimizer", "sgd", "adam")
     *         .when("optimizer", List.of("sgd"), g -> g.uniform("momentum", 0.5, 0.99))
     * }</pre>
     */
    public SpaceBuilder when(String parent, List<?> values, Consumer<SpaceBuilder> group) {
        if (!domains.containsKey(parent)) {
            throw new IllegalArgumentException("a condition names '" + parent + "', which is not declared before it;"
                    + " declare " + parent + " first");
        }
        List<Object> allowed = List.copyOf(values);
        group.accept(new SpaceBuilder(prefix, domains, d -> condition.apply(new Conditional(parent, allowed, d))));
        return this;
    }

    /** Adds a domain built elsewhere. */
    public SpaceBuilder add(String name, Domain domain) {
        return add(name, () -> domain);
    }

    public Space build() {
        return Space.of(domains);
    }

    private SpaceBuilder add(String name, Supplier<Domain> domain) {
        String qualified = qualify(name);
        if (domains.containsKey(qualified)) {
            throw new IllegalArgumentException("hyperparameter '" + qualified + "' is declared twice");
        }
        try {
            domains.put(qualified, condition.apply(domain.get()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("hyperparameter '" + qualified + "': " + e.getMessage(), e);
        }
        return this;
    }

    private String qualify(String name) {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a hyperparameter name must be non-empty without spaces, got '"
                    + name + "'");
        }
        return prefix + name;
    }
}
