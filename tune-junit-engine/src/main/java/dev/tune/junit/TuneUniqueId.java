package dev.tune.junit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.platform.engine.UniqueId;

/**
 * A unique id that this engine hands out, read relative to the engine's own id, which is
 * {@code [engine:tune]} when run directly and longer when a suite nests the engine
 * ({@code [engine:junit-platform-suite]/[suite:...]/[engine:tune]}):
 * {@code [class:<class>]}, then optionally {@code [experiment:<class> or <class>#<method>]}, then
 * optionally {@code [trial:<n>]}.
 *
 * @param className the class that declares the experiment
 * @param method the {@code @Trainable} method's name, empty for a class trainable or for a class id
 * @param experiment true when the id names an experiment (or one of its trials), not just a class
 * @param trial the trial number, when the id names one trial
 */
record TuneUniqueId(String className, Optional<String> method, boolean experiment, OptionalInt trial) {

    static final String CLASS = "class";
    static final String EXPERIMENT = "experiment";
    static final String TRIAL = "trial";

    /**
     * Reads {@code id}, which has the engine's id as its prefix.
     *
     * @throws IllegalArgumentException naming what is wrong, when the rest is not a tune id
     */
    static TuneUniqueId parse(UniqueId engine, UniqueId id) {
        List<UniqueId.Segment> all = id.getSegments();
        List<UniqueId.Segment> own = all.subList(engine.getSegments().size(), all.size());
        if (own.isEmpty() || own.size() > 3 || !own.get(0).getType().equals(CLASS)
                || own.size() > 1 && !own.get(1).getType().equals(EXPERIMENT)
                || own.size() > 2 && !own.get(2).getType().equals(TRIAL)) {
            throw new IllegalArgumentException("it is not an id the tune engine hands out, which read "
                    + "[class:<class>]/[experiment:<class> or <class>#<method>]/[trial:<number>] after " + engine);
        }
        String className = own.get(0).getValue();
        if (own.size() == 1) {
            return new TuneUniqueId(className, Optional.empty(), false, OptionalInt.empty());
        }
        String key = own.get(1).getValue();
        Optional<String> method = Optional.empty();
        int hash = key.indexOf('#');
        if (hash >= 0) {
            method = Optional.of(key.substring(hash + 1));
            key = key.substring(0, hash);
        }
        if (!key.equals(className) || method.map(String::isEmpty).orElse(false)) {
            throw new IllegalArgumentException("its experiment '" + own.get(1).getValue()
                    + "' does not belong to class " + className + "; an experiment reads " + className + " or "
                    + className + "#<method>");
        }
        if (own.size() == 2) {
            return new TuneUniqueId(className, method, true, OptionalInt.empty());
        }
        return new TuneUniqueId(className, method, true, OptionalInt.of(trialNumber(own.get(2).getValue())));
    }

    private static int trialNumber(String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("its trial '" + value + "' is not a trial number (1, 2, 3, ...)");
    }

    /** The class's id under {@code engine}. */
    static UniqueId classId(UniqueId engine, Class<?> type) {
        return engine.append(CLASS, type.getName());
    }
}
