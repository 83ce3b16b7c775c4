package dev.tune.result;

import dev.tune.Config;
import dev.tune.Mode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A frozen view of one trial: one configuration of the search space, trained once. This is what
 * searchers, callbacks, the store and {@link ExperimentResult} see; user code sees the live
 * {@link dev.tune.TrialContext} instead.
 *
 * @param id unique within the experiment and stable across resume, e.g. {@code 3f2a1_00007}
 * @param number the trial's position in the experiment, from 1
 * @param name what a person reads, e.g. {@code #7 lr=0.0012, batch=32}
 * @param iterations the number of results reported
 * @param metrics per metric, everything needed to compare trials under any {@link Scope}
 * @param dir the trial's directory when results are persisted
 * @param checkpoints the checkpoints it keeps, oldest first
 */
public record Trial(
        String id,
        int number,
        String name,
        Config config,
        TrialStatus status,
        Optional<Termination> termination,
        long iterations,
        Optional<Result> lastResult,
        Map<String, MetricStats> metrics,
        Optional<TrialError> error,
        Optional<Path> dir,
        List<SavedCheckpoint> checkpoints) {

    public Trial {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        checkpoints = List.copyOf(checkpoints);
    }

    /** A trial without checkpoints. */
    public Trial(String id, int number, String name, Config config, TrialStatus status,
            Optional<Termination> termination, long iterations, Optional<Result> lastResult,
            Map<String, MetricStats> metrics, Optional<TrialError> error, Optional<Path> dir) {
        this(id, number, name, config, status, termination, iterations, lastResult, metrics, error, dir,
                List.of());
    }

    /** The most recent checkpoint, if any. */
    public Optional<SavedCheckpoint> latestCheckpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    /** The metric's value under {@code scope}, NaN when never reported or not finite. */
    public double value(String metric, Mode mode, Scope scope) {
        MetricStats stats = metrics.get(metric);
        return stats == null ? Double.NaN : stats.value(scope, mode);
    }

    /** True when a scheduler, a metric threshold or a stopper cut this trial short of its budget. */
    public boolean stoppedEarly() {
        return termination.filter(t -> t == Termination.STOPPED || t == Termination.EARLY_STOPPED).isPresent();
    }
}
