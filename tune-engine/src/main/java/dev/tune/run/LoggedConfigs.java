package dev.tune.run;

import dev.tune.Config;

/** Configs compared as a shared experiment's log spells them: an int suggested here is a long read back from JSON. */
final class LoggedConfigs {

    private LoggedConfigs() {
    }

    /** True when {@code replayed} holds the same names and values as {@code recorded}. */
    static boolean same(Config recorded, Config replayed) {
        if (replayed == null || !recorded.asMap().keySet().equals(replayed.asMap().keySet())) {
            return false;
        }
        for (var entry : recorded.asMap().entrySet()) {
            Object a = entry.getValue();
            Object b = replayed.get(entry.getKey());
            boolean same = a instanceof Number x && b instanceof Number y
                    ? x.doubleValue() == y.doubleValue()
                            || (Double.isNaN(x.doubleValue()) && Double.isNaN(y.doubleValue()))
                    : String.valueOf(a).equals(String.valueOf(b));
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
