package dev.tune.schedule;

import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.space.Space;

/**
 * What a scheduler schedules for: the experiment's objective, its search space (PBT mutates values
 * of it) and a read-only {@link SchedulerView} of the running experiment. A scheduler built without
 * a metric uses the objective's single metric and mode, as Ray's schedulers take the experiment's
 * {@code metric} and {@code mode}. The seed makes a scheduler's own random choices (ASHA's bracket
 * for each trial) reproducible.
 */
public record SchedulerProblem(Objective objective, long seed, Space space, SchedulerView view) {

    /** A problem without a space, seen as one idle slot: for schedulers driven by hand in tests. */
    public SchedulerProblem(Objective objective, long seed) {
        this(objective, seed, Space.empty(), SchedulerView.idle(1));
    }

    /** The metric a scheduler compares: {@code own} when given, else the objective's single metric. */
    public String metric(String own, String scheduler) {
        if (own != null) {
            return own;
        }
        if (objective.isMultiObjective()) {
            throw new IllegalArgumentException(scheduler + " needs one metric but the experiment optimises "
                    + objective.metrics() + "; give the scheduler its metric");
        }
        return objective.metric();
    }

    /** The mode to use: {@code own} when given, else the objective's mode for {@code metric}. */
    public Mode mode(Mode own, String metric) {
        if (own != null) {
            return own;
        }
        int index = objective.metrics().indexOf(metric);
        return index >= 0 ? objective.modes().get(index) : Mode.MIN;
    }
}
