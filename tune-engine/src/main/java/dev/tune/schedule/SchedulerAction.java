package dev.tune.schedule;

import dev.tune.Config;

/**
 * What a scheduler asks the runner to do to a trial beyond continuing, pausing or stopping it:
 * Population Based Training saves its top trials and makes its bottom trials exploit them.
 * Collected through {@link Scheduler#actions()} after each result.
 */
public sealed interface SchedulerAction {

    /** The trial the action is for. */
    String trialId();

    /** Save a checkpoint of the running trial after the result just reported. */
    record SaveCheckpoint(String trialId) implements SchedulerAction {
    }

    /**
     * Replace the trial's state with the donor's latest checkpoint and go on with {@code config}
     * (PBT's exploit and explore). The trial is paused or pausing; its iteration count becomes the
     * checkpoint's. With {@code log}, the step is written to {@code pbt_global.txt} and the trial's
     * {@code pbt_policy_<trial>.txt}, so its schedule of configs can be rebuilt.
     */
    record Exploit(String trialId, String donorId, Config config, boolean log) implements SchedulerAction {
    }
}
