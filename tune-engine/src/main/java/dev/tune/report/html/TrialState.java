package dev.tune.report.html;

import dev.tune.result.Termination;
import dev.tune.result.Trial;

/**
 * A trial's state as the report tells it apart, in one word: {@code completed} (ran its budget),
 * {@code stopped} (its own stop conditions ended it), {@code pruned} (a scheduler cut it),
 * {@code cancelled} (the experiment ended first), {@code timed out} (interrupted at its time
 * limit), {@code failed}, or while the experiment runs {@code running}, {@code paused} and
 * {@code pending}. The page's {@code report-core.js} gives each its colour and words.
 */
final class TrialState {

    private TrialState() {
    }

    static String of(Trial trial) {
        return switch (trial.status()) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case ERROR -> "failed";
            case TERMINATED -> switch (trial.termination().orElse(Termination.COMPLETED)) {
                case COMPLETED -> "completed";
                case STOPPED -> "stopped";
                case EARLY_STOPPED -> "pruned";
                case CANCELLED -> "cancelled";
                case TIMED_OUT -> "timed out";
            };
        };
    }
}
