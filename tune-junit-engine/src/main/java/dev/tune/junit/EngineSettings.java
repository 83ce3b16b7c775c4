package dev.tune.junit;

import dev.tune.options.TuneOptions;
import java.util.Locale;
import org.junit.platform.engine.ConfigurationParameters;

/** What the engine reads from JUnit configuration parameters: the mode and every {@code tune.*} option. */
record EngineSettings(boolean full, TuneOptions options) {

    static EngineSettings from(ConfigurationParameters parameters) {
        String mode = parameters.get(Constants.MODE).orElse("smoke").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("smoke") && !mode.equals("full")) {
            throw new IllegalArgumentException("Invalid value '" + mode + "' for " + Constants.MODE
                    + ": use smoke (one short trial per experiment, the default) or full");
        }
        return new EngineSettings(mode.equals("full"), TuneOptions.fromText(key -> parameters.get(key).orElse(null)));
    }
}
