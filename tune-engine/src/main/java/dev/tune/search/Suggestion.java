package dev.tune.search;

import dev.tune.Config;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A searcher's answer to "what next?": a config to run, not now, or nothing more. Replaces
 * Ray's {@code None} and {@code Searcher.FINISHED} sentinels.
 */
public final class Suggestion {

    private enum Kind { CONFIG, NOT_NOW, FINISHED }

    private static final Suggestion NOT_NOW = new Suggestion(Kind.NOT_NOW, null);
    private static final Suggestion FINISHED = new Suggestion(Kind.FINISHED, null);

    private final Kind kind;
    private final Config config;

    private Suggestion(Kind kind, Config config) {
        this.kind = kind;
        this.config = config;
    }

    /** Run a trial with {@code config}. */
    public static Suggestion of(Config config) {
        return new Suggestion(Kind.CONFIG, Objects.requireNonNull(config, "config"));
    }

    /** Nothing now; ask again when a running trial has ended. */
    public static Suggestion notNow() {
        return NOT_NOW;
    }

    /** No more trials from this searcher. */
    public static Suggestion finished() {
        return FINISHED;
    }

    /** The config to run, when there is one. */
    public Optional<Config> config() {
        return Optional.ofNullable(config);
    }

    public boolean isFinished() {
        return kind == Kind.FINISHED;
    }

    public boolean isNotNow() {
        return kind == Kind.NOT_NOW;
    }

    @Override
    public String toString() {
        return kind == Kind.CONFIG ? "Suggestion" + config : kind.name().toLowerCase(Locale.ROOT);
    }
}
