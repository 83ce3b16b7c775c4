package dev.tune.bench;

import dev.tune.search.Searchers;

/**
 * Whether this build of tune knows a searcher by name ({@link Searchers#byName}), so that B1 and B4
 * can skip the searchers that have not arrived yet with one line instead of failing.
 */
final class AvailableSearchers {

    private AvailableSearchers() {
    }

    /** True when {@code name} resolves to a searcher. */
    static boolean has(String name) {
        try {
            return Searchers.byName(name) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
