package dev.tune.run;

import dev.tune.result.Termination;
import dev.tune.schedule.Decision;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The trials a scheduler has paused, and those it let go on that wait for a worker. A decision can
 * arrive for a trial that was told to pause but is still saving its state on its own thread; it is
 * kept and applied the moment the trial arrives, so none is lost; one for a trial whose PBT exploit
 * is not done yet is held until {@link #release}. Used under the book's lock.
 */
final class PausedTrials {

    private final Map<String, LiveTrial> paused = new LinkedHashMap<>();
    private final ArrayDeque<LiveTrial> resumable = new ArrayDeque<>();
    private final Map<String, Decision> early = new HashMap<>();
    private final Set<String> held = new HashSet<>();
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
        if (decision == Decision.CONTINUE && trial.requests().pendingExploit().isPresent()) {
            held.add(trial.id);
        } else if (decision == Decision.CONTINUE) {
            held.remove(trial.id);
            paused.remove(trial.id);
            trial.unpause();
            resumable.add(trial);
        } else if (decision == Decision.STOP || decision == Decision.COMPLETE) {
            paused.remove(trial.id);
            end.accept(trial, decision == Decision.STOP ? Termination.EARLY_STOPPED : Termination.COMPLETED);
        }
    }

    /** Lets a trial go on that was held back until its exploit was done, if it was told to go on. */
    void release(LiveTrial trial) {
        if (held.remove(trial.id) && paused.containsKey(trial.id)) {
            apply(trial, Decision.CONTINUE);
        }
    }

    /** Ends every paused trial as {@code why}: the experiment is over for them. */
    void endAll(Termination why) {
        for (LiveTrial trial : List.copyOf(paused.values())) {
            paused.remove(trial.id);
            end.accept(trial, why);
        }
    }

    /**
     * Hands the trials allowed to go on beyond {@code free} slots (the ones resumed last first)
     * back to a shared experiment, those whose latest checkpoint holds all they did: {@code away}
     * is told, and each ends here as cancelled, which leaves it to the next worker with a free
     * slot, from that checkpoint. A trial without one stays: elsewhere it would start over.
     */
    void handOverBeyond(int free, Consumer<LiveTrial> away) {
        List<LiveTrial> movable = resumable.stream().filter(t -> t.latestSaved()
                .filter(c -> c.iteration() == t.iteration()).isPresent()).toList();
        for (int i = movable.size() - 1; i >= 0 && resumable.size() > Math.max(0, free); i--) {
            LiveTrial trial = movable.get(i);
            resumable.remove(trial);
            away.accept(trial);
            end.accept(trial, Termination.CANCELLED); // no end in the log: the trial's row waits for a worker
        }
    }

    /** The next trial allowed to go on, or null. */
    LiveTrial pollResumable() {
        return resumable.poll();
    }

    /** True when no worker holds the trial: it is paused, or resumed and waiting for a worker. */
    boolean isIdle(LiveTrial trial) {
        return paused.containsKey(trial.id) || resumable.contains(trial);
    }

    int resumableCount() {
        return resumable.size();
    }

    boolean hasResumable() {
        return !resumable.isEmpty();
    }

    /** Trials paused, or resumed and waiting for a worker: each will take a slot again. */
    int size() {
        return paused.size() + resumable.size();
    }

    boolean hasPaused() {
        return !paused.isEmpty();
    }
}
