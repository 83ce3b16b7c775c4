package dev.tune.options;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of an experiment: its {@code tune.*} key, what it means, its default, and how its
 * text form (from system properties, JUnit configuration parameters or the Maven plugin) is read.
 * Options set only from code (callbacks, custom stoppers) have no text form. All options are the
 * constants of {@link TuneOption}.
 *
 * @param <T> the value's type
 */
public final class Option<T> {

    private final String key;
    private final String description;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final boolean secret;

    Option(String key, String description, T defaultValue, Function<String, T> parser) {
        this(key, description, defaultValue, parser, false);
    }

    Option(String key, String description, T defaultValue, Function<String, T> parser, boolean secret) {
        this.secret = secret;
        this.key = Objects.requireNonNull(key);
        this.description = description;
        this.defaultValue = defaultValue;
        this.parser = parser;
    }

    /** The property key, e.g. {@code tune.samples}. */
    public String key() {
        return key;
    }

    /** What the option means, for documentation and {@code tune:help}. */
    public String description() {
        return description;
    }

    /** The value used when nothing sets this option; empty when "not set" is itself meaningful. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** True for a value that is never recorded, printed or put in a message (a password). */
    public boolean isSecret() {
        return secret;
    }

    /** True when the option can be given as text (property, configuration parameter, plugin parameter). */
    public boolean hasTextForm() {
        return parser != null;
    }

    /** Reads the text form; throws {@link IllegalArgumentException} naming the key and the accepted form. */
    public T parse(String text) {
        if (parser == null) {
            throw new IllegalArgumentException(key + " can only be set from code");
        }
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + (secret ? "****" : text) + "' for " + key + ": "
                    + e.getMessage() + " (" + description + ")", e);
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
