package dev.tune;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running trial, as user code sees it: its identity, its config, and the channel for
 * reporting metrics (Ray's {@code tune.report} and {@code tune.get_context()}).
 *
 * <p>Declare a parameter of this type on a {@link Trainable @Trainable} method, a
 * {@link Step @Step}, {@link Setup @Setup} or constructor, and tune passes the live context of
 * the trial that calls it. It belongs to one trial and one thread: do not keep it beyond the trial.
 */
public interface TrialContext {

    /** The trial's id, unique within its experiment and stable across resume ({@code 3f2a1_00007}). */
    String trialId();

    /** The trial's display name, e.g. {@code #7 lr=0.0012, batch=32}. */
    String trialName();

    /**
     * A seed for the trial's own randomness (weight initialisation, shuffling, dropout): derived
     * from the experiment's seed and the trial's number, so it is the same when the experiment is
     * run again with the same seed, when the trial resumes or restarts, and when the trial alone is
     * run again by its unique id. Distinct trials get unrelated seeds.
     */
    long seed();

    /** The trial's hyperparameters. */
    Config config();

    /**
     * The GPUs this trial may use, by device id (what {@code CUDA_VISIBLE_DEVICES} lists in Ray):
     * no running trial shares them, except trials that asked for a fraction of one GPU, which share
     * a device as in Ray. Empty when the trial asked for none ({@code @Resources(gpu)}).
     */
    default List<Integer> gpuIds() {
        return List.of();
    }

    /** The directory that belongs to this trial, for artifacts; created on first use of this method. */
    Path trialDir();

    /** The number of results reported so far (Ray's {@code training_iteration}). */
    long iteration();

    /**
     * Reports one iteration's metrics from a Function API trainable, as {@code tune.report}. Each
     * call is one iteration. Numeric values become metrics; a {@code "done" -> true} entry ends
     * the trial after this result.
     *
     * @throws StopTrialException when a stop condition or scheduler has ended this trial; let it
     *     propagate so the trial ends cleanly (it is recorded as terminated, not failed)
     */
    void report(Map<String, ?> metrics);

    /**
     * Reports one iteration's metrics together with a checkpoint, as
     * {@code tune.report(metrics, checkpoint=...)}: tune moves the directory {@code checkpoint} into
     * the trial's directory and records it with this result. On a restart,
     * {@link #latestCheckpoint()} gives it back.
     */
    void report(Map<String, ?> metrics, Path checkpoint);

    /**
     * The trial's latest checkpoint when it is restarting (after a failure, or when resumed), as
     * {@code tune.get_checkpoint()}; empty on a fresh start. {@link #iteration()} then continues
     * from the checkpoint's iteration.
     */
    Optional<Path> latestCheckpoint();

    /** Reports a single metric; see {@link #report(Map)}. */
    default void report(String metric, double value) {
        report(Map.of(metric, value));
    }

    /** True once this trial has been asked to stop; long steps may poll it to finish early. */
    boolean isStopRequested();
}
