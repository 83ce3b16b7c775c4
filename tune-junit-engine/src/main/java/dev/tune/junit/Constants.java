package dev.tune.junit;

import dev.tune.options.TuneOption;

/**
 * The configuration parameters of the tune engine. Every {@code tune.*} option of
 * {@link TuneOption} is read from JUnit configuration parameters too
 * ({@code junit-platform.properties}, Surefire's {@code configurationParameters}, {@code -D});
 * these keys are the engine's own.
 */
public final class Constants {

    /** The engine's id, as in unique ids {@code [engine:tune]} and {@code --include-engine tune}. */
    public static final String ENGINE_ID = "tune";

    /**
     * {@code smoke} (the default) or {@code full}. In smoke mode every experiment runs one trial of
     * one iteration (one trial even for a grid), in memory, so a project's ordinary
     * {@code mvn test} stays fast while still proving that each trainable runs; {@code @Verify}
     * methods are skipped. In full mode experiments run as configured, write their results, and
     * are verified.
     */
    public static final String MODE = "tune.junit.mode";

    private Constants() {
    }
}
