package dev.tune.maven;

import dev.tune.trainable.Fixtures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which experiments a build runs, from the {@code experiments} parameter ({@code tune.experiments}):
 * patterns, each matching a trainable class's fully qualified or simple name, or an experiment's
 * name, with {@code *} matching any characters. No pattern selects every experiment but the test
 * fixtures ({@link Fixtures}), which only a pattern without {@code *} that names
 * them in full selects.
 */
final class Selection {

    private final List<String> patterns;
    private final List<Pattern> regexes;

    private Selection(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.regexes = patterns.stream().map(Selection::regex).toList();
    }

    /** The patterns in {@code values}; each value may also hold several, separated by commas. */
    static Selection of(Collection<String> values) {
        List<String> patterns = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value == null ? new String[0] : value.split(",")) {
                    if (!part.isBlank()) {
                        patterns.add(part.trim());
                    }
                }
            }
        }
        return new Selection(patterns);
    }

    /** True when no pattern was given, so everything is selected. */
    boolean all() {
        return patterns.isEmpty();
    }

    /** The patterns as given, for messages. */
    List<String> patterns() {
        return patterns;
    }

    /** True when any of {@code names} (class name, simple name, experiment name...) matches a pattern. */
    boolean matches(String... names) {
        if (all()) {
            return true;
        }
        for (Pattern regex : regexes) {
            for (String name : names) {
                if (name != null && regex.matcher(name).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a pattern without {@code *} is exactly one of {@code names}: the way to select a test fixture. */
    boolean names(String... names) {
        for (String pattern : patterns) {
            for (String name : names) {
                if (!pattern.contains("*") && pattern.equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] literals = pattern.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
