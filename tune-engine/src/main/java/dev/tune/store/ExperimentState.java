package dev.tune.store;

import dev.tune.result.TrialStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The experiment's state as stored in {@code experiment-state.json}, replaced atomically: whether
 * it is still running, how many trials are in each status, and the best trial so far.
 *
 * @param status {@code RUNNING}, {@code FINISHED}, {@code STOPPED} or {@code FAILED}
 * @param trialsByStatus trial counts by {@link TrialStatus} name
 * @param bestTrialId the best trial's id, when there is a single objective and a finite value
 * @param bestObjective that trial's objective value
 */
public record ExperimentState(
        String status,
        Map<String, Long> trialsByStatus,
        Optional<String> bestTrialId,
        Optional<Double> bestObjective,
        Instant updatedAt) {

    public ExperimentState {
        trialsByStatus = Map.copyOf(trialsByStatus);
    }
}
