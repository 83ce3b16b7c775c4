package dev.tune.stop;

import dev.tune.result.Result;
import dev.tune.result.Termination;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The per-trial and per-experiment stop rules of one experiment, asked together after each
 * result: max iterations, a per-trial time limit, metric thresholds, and custom {@link Stopper}s,
 * as Ray's {@code stop} argument. Not thread-safe: the runner asks from one thread at a time.
 */
public final class StopConditions {

    private final long maxIterations;
    private final double trialSeconds;
    private final List<MetricThreshold> thresholds;
    private final List<Stopper> stoppers;

    public StopConditions(Optional<Long> maxIterations, Optional<Duration> trialTime, List<MetricThreshold> thresholds,
            List<Stopper> stoppers) {
        this.maxIterations = maxIterations.orElse(Long.MAX_VALUE);
        this.trialSeconds = trialTime.map(d -> d.toNanos() / 1e9).orElse(Double.POSITIVE_INFINITY);
        this.thresholds = List.copyOf(thresholds);
        this.stoppers = List.copyOf(stoppers);
    }

    /** The per-trial time limit in seconds of training; infinite when there is none. */
    public double trialSeconds() {
        return trialSeconds;
    }

    /**
     * Why the trial that reported {@code result} must stop, or empty to continue. A trial that
     * reached its iteration or time budget has run in full ({@code Termination.COMPLETED}); one
     * that a threshold or a stopper ended was cut short ({@code Termination.STOPPED}).
     */
    public Optional<TrialStop> trialStop(Result result) {
        if (result.iteration() >= maxIterations) {
            return Optional.of(new TrialStop(Termination.COMPLETED, "reached " + maxIterations + " iterations"));
        }
        if (result.timeTotalSeconds() >= trialSeconds) {
            return Optional.of(new TrialStop(Termination.COMPLETED,
                    "reached its time limit of " + trialSeconds + " s"));
        }
        for (MetricThreshold threshold : thresholds) {
            if (threshold.isReached(result)) {
                return Optional.of(new TrialStop(Termination.STOPPED, "reached " + threshold));
            }
        }
        for (Stopper stopper : stoppers) {
            if (stopper.shouldStopTrial(result)) {
                return Optional.of(new TrialStop(Termination.STOPPED,
                        "stopped by " + stopper.getClass().getSimpleName()));
            }
        }
        return Optional.empty();
    }

    /** How a trial ends when a stop rule ends it, and the rule in words. */
    public record TrialStop(Termination termination, String reason) {
    }

    /** Which custom stopper ends the whole experiment now, if any. */
    public Optional<String> experimentStopReason() {
        for (Stopper stopper : stoppers) {
            if (stopper.shouldStopAll()) {
                return Optional.of("stopped by " + stopper.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }
}
