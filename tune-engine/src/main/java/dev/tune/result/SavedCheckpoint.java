package dev.tune.result;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint a trial saved: the iteration it was taken after, its directory, and that
 * iteration's metrics (for keeping the best ones and finding the best checkpoint).
 */
public record SavedCheckpoint(long iteration, Path dir, Map<String, Double> metrics) {

    public SavedCheckpoint {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
