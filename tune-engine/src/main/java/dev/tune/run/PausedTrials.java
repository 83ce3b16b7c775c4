package dev.tune.run;

import dev.tune.result.Termination;
import dev.tune.schedule.Decision;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The trials a scheduler has paused, and those it let go on that wait for a worker. A decision can
 * arrive for a trial that was told to pause but is still saving its state on its own thread; it is
 * kept and applied the moment the trial arrives, so none is lost. Used under the book's lock.
 */
final class PausedTrials {

    private final Map<String, LiveTrial> paused = new LinkedHashMap<>();
    private final ArrayDeque<LiveTrial> resumable = new ArrayDeque<>();
    private final Map<String, Decision> early = new HashMap<>();
    private final BiConsumer<LiveTrial, Termination> end;

    /** {@code end} records a paused trial that a decision ends, as a worker would record it. */
    PausedTrials(BiConsumer<LiveTrial, Termination> end) {
        this.end = end;
    }

    /** A trial has just paused. */
    void add(LiveTrial trial) {
        trial.pause();
        paused.put(trial.id, trial);
        Decision already = early.remove(trial.id);
        if (already != null) {
            apply(trial, already);
        }
    }

    /** Applies a scheduler's decisions: resume some, end others. */
    void apply(Map<String, Decision> decisions) {
        decisions.forEach((id, decision) -> {
            LiveTrial trial = paused.get(id);
            if (trial == null) {
                early.put(id, decision);
            } else {
                apply(trial, decision);
            }
        });
    }

    private void apply(LiveTrial trial, Decision decision) {
        if (decision == Decision.CONTINUE) {
            paused.remove(trial.id);
            trial.unpause();
            resumable.add(trial);
        } else if (decision == Decision.STOP || decision == Decision.COMPLETE) {
            paused.remove(trial.id);
            end.accept(trial, decision == Decision.STOP ? Termination.EARLY_STOPPED : Termination.STOPPED);
        }
    }

    /** Ends every paused trial as {@code why}: the experiment is over for them. */
    void endAll(Termination why) {
        for (LiveTrial trial : List.copyOf(paused.values())) {
            paused.remove(trial.id);
            end.accept(trial, why);
        }
    }

    /** The next trial allowed to go on, or null. */
    LiveTrial pollResumable() {
        return resumable.poll();
    }

    boolean hasResumable() {
        return !resumable.isEmpty();
    }

    boolean hasPaused() {
        return !paused.isEmpty();
    }
}
