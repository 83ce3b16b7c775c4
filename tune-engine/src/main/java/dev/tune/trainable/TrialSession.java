package dev.tune.trainable;

import dev.tune.Config;
import dev.tune.TrialContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The runner's side of one running trial, as a {@link TrialBody} sees it: the config, the live
 * context handed to user code, the channel for results, and the worker's slot for an instance
 * kept for reuse.
 */
public interface TrialSession {

    Config config();

    TrialContext context();

    /**
     * Records one iteration's metrics; {@code done} marks the trial's last result.
     *
     * @return false when the trial must stop now (a stop condition, the end of the experiment)
     */
    boolean report(Map<String, Double> metrics, boolean done);

    /**
     * Records the numeric entries of {@code metrics} as one iteration; a {@code "done" -> true}
     * entry marks the last result. Returns as {@link #report(Map, boolean)} does.
     */
    default boolean reportMap(Map<String, ?> metrics) {
        Metrics m = Metrics.fromMap(metrics);
        return report(m.values(), m.done());
    }

    /**
     * A fresh directory for a checkpoint when the experiment's policy wants one after the current
     * iteration ({@code last}: the trial's final iteration); empty otherwise. Report what was
     * written with {@link #checkpointSaved}.
     */
    Optional<Path> checkpointDue(boolean last);

    /** Records that the checkpoint in {@code dir} (from {@link #checkpointDue}) is complete. */
    void checkpointSaved(Path dir);

    /** The checkpoint to restore before the first iteration, when the trial is restarting. */
    Optional<Path> restoreFrom();

    /** True when the runner has paused this trial: its body should keep or checkpoint its state and return. */
    boolean pausing();

    /** Keeps a paused trial's instance in memory, for a trainable that cannot checkpoint. */
    void keepPaused(Object instance);

    /** The instance kept when this trial was paused, or null; taking it empties the slot. */
    Object takePaused();

    /** The name under which a bare number returned by user code is recorded. */
    String numberMetric();

    /** An instance this worker kept from an earlier trial, or null; taking it empties the slot. */
    Object takeReusable();

    /** Offers {@code instance} to the worker's next trial; false when reuse is off. */
    boolean keepForReuse(Object instance);
}
