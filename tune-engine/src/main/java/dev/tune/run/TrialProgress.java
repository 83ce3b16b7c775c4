package dev.tune.run;

import dev.tune.checkpoint.CheckpointPolicy;
import dev.tune.checkpoint.TrialCheckpoints;
import dev.tune.result.MetricHistory;
import dev.tune.result.MetricStats;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far one {@link LiveTrial} has got: its iteration count and clock, the results it reported,
 * the checkpoints it kept, and the checkpoint its next start restores from. A restart after a
 * failure, a resume after a pause and a PBT exploit each take it back to a checkpoint. Written by
 * the trial's own thread while a worker holds the trial; its checkpoints are read by other trials
 * (PBT) under the book's lock.
 */
final class TrialProgress {

    private final MetricHistory history = new MetricHistory();
    private final TrialCheckpoints checkpoints;
    private Result lastResult;
    private long iteration;
    private long iterationsSinceRestore;
    private double timeTotal;
    private double timeSinceRestore;
    private long lastNanos;
    private Path restoreFrom;

    /** No results yet; checkpoints are kept as {@code policy} says. */
    TrialProgress(CheckpointPolicy policy) {
        this.checkpoints = new TrialCheckpoints(policy);
    }

    /** Takes over the checkpoints an earlier run recorded and restarts from the latest of them. */
    void resumeFrom(List<SavedCheckpoint> stored) {
        stored.forEach(checkpoints::seed);
        restart();
    }

    /** The trial's training time as of its latest result (or restore). */
    double timeTotal() {
        return timeTotal;
    }

    /** The clock starts (again): the next result's time counts from now. */
    void start() {
        lastNanos = System.nanoTime();
    }

    /**
     * Counts one step that reported {@code values} at {@code now} ({@link System#nanoTime()}),
     * {@code done} when it was the last: the result, with Ray's automatic fields (iteration, times,
     * iterations since restore), now the latest.
     */
    Result step(String trialId, Map<String, Double> values, boolean done, long now) {
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        iteration++;
        iterationsSinceRestore++;
        timeTotal += seconds;
        timeSinceRestore += seconds;
        Result result = new Result(trialId, iteration, seconds, timeTotal, timeSinceRestore,
                System.currentTimeMillis(), iterationsSinceRestore, done, values);
        history.add(result.metrics());
        lastResult = result;
        return result;
    }

    /**
     * Starts again from the latest checkpoint when there is one (iterations and training time
     * continue from there, as Ray's do), else from scratch.
     */
    void restart() {
        Optional<SavedCheckpoint> latest = checkpoints.latest();
        restoreFrom = latest.map(SavedCheckpoint::dir).orElse(null);
        iteration = latest.map(SavedCheckpoint::iteration).orElse(0L);
        timeTotal = latest.map(SavedCheckpoint::timeTotalSeconds).orElse(0.0);
        iterationsSinceRestore = 0;
        timeSinceRestore = 0;
        lastNanos = System.nanoTime();
    }

    /**
     * Goes on after a pause: from the latest checkpoint, or, when {@code inMemory}, from the
     * instance the paused trial kept (then the restore point stays as it was).
     */
    void resume(boolean inMemory) {
        if (!inMemory) {
            restoreFrom = checkpoints.latest().map(SavedCheckpoint::dir).orElse(null);
        }
        iterationsSinceRestore = 0;
        timeSinceRestore = 0;
    }

    /** The record of a checkpoint just written into {@code dir}: this iteration's, with its metrics. */
    SavedCheckpoint checkpointAt(Path dir) {
        return new SavedCheckpoint(iteration, dir, lastResult == null ? Map.of() : lastResult.metrics(), timeTotal);
    }

    /** Keeps a checkpoint written, pruning older ones as the policy says; under the book's lock. */
    void saved(SavedCheckpoint saved) {
        checkpoints.saved(saved);
    }

    /**
     * Takes over {@code donor}, another trial's checkpoint (PBT's exploit), copied under
     * {@code trialDir}: the next start restores from the copy, and the iteration count and
     * training time are the donor's then, as in Ray, where the exploiting trial restores both from
     * the donor's checkpoint. Returns the copy.
     */
    SavedCheckpoint adopt(SavedCheckpoint donor, Path trialDir) {
        SavedCheckpoint copy = checkpoints.adopt(donor, trialDir);
        iteration = donor.iteration();
        timeTotal = donor.timeTotalSeconds();
        restoreFrom = copy.dir();
        return copy;
    }

    /** The latest checkpoint kept, if any; under the book's lock. */
    Optional<SavedCheckpoint> latestSaved() {
        return checkpoints.latest();
    }

    /** The latest checkpoint kept at or before {@code upTo}, else the oldest; under the book's lock. */
    Optional<SavedCheckpoint> savedUpTo(long upTo) {
        return checkpoints.latestUpTo(upTo);
    }

    /** The checkpoints kept, oldest first. */
    List<SavedCheckpoint> kept() {
        return checkpoints.kept();
    }

    /** The checkpoint the next start restores from; empty to start from scratch or from memory. */
    Optional<Path> restoreFrom() {
        return Optional.ofNullable(restoreFrom);
    }

    /** The iteration of the latest result (0 before the first). */
    long iteration() {
        return iteration;
    }

    Optional<Result> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    /** Every metric reported so far, summarised. */
    Map<String, MetricStats> history() {
        return history.snapshot();
    }
}
