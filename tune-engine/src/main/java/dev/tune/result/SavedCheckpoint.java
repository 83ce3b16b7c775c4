package dev.tune.result;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint a trial saved: the iteration it was taken after, its directory, that iteration's
 * metrics (for keeping the best ones and finding the best checkpoint), and the trial's training
 * time then ({@code time_total_s}). A trial restored from it goes on from that iteration and that
 * time, as Ray's trainables restore both from a checkpoint's metadata.
 */
public record SavedCheckpoint(long iteration, Path dir, Map<String, Double> metrics, double timeTotalSeconds) {

    public SavedCheckpoint {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A checkpoint whose training time is not known (a record older than the time field): 0. */
    public SavedCheckpoint(long iteration, Path dir, Map<String, Double> metrics) {
        this(iteration, dir, metrics, 0);
    }
}
