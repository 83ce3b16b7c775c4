package dev.tune.schedule;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.space.Space;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays the runner's part for a scheduler on one machine: {@code trials} trials of at most
 * {@code iterations} iterations each share {@code slots} slots; trials waiting to start go first,
 * running trials report one result each in turn, a paused trial frees its slot, and the scheduler is
 * asked about paused trials after every result and every end. Every decision goes to {@link #log}.
 */
final class ExperimentSim implements SchedulerView {

    /** What a check sees of each question about paused trials, before the decisions are applied. */
    interface Watcher {
        void decided(ExperimentSim sim, boolean quiet, Map<String, Decision> decisions);
    }

    static final Space SPACE = Space.builder().loguniform("lr", 1e-4, 1).build();
    private static final int LIMIT = 100_000;

    final List<String> log = new ArrayList<>();
    private final Scheduler scheduler;
    private final int slots;
    private final int iterations;
    private final Deque<Trial> waiting = new ArrayDeque<>();
    private final List<String> running = new ArrayList<>();
    private final Map<String, Trial> trials = new HashMap<>();
    private final Map<String, Long> reached = new HashMap<>();
    private final Map<String, Long> paused = new LinkedHashMap<>();
    private final Set<String> checkpointed = new HashSet<>();
    private Watcher watcher = (sim, quiet, decisions) -> { };
    private final RungValues rungs;

    /** Starts {@code scheduler} on an experiment of {@code trials} trials that maximises {@code acc}. */
    ExperimentSim(Scheduler scheduler, int trials, int slots, int iterations) {
        this(scheduler, trials, slots, iterations, null);
    }

    /** The same, the view offering {@code rungs} as a shared experiment offers its own (null: none). */
    ExperimentSim(Scheduler scheduler, int trials, int slots, int iterations, RungValues rungs) {
        this.rungs = rungs;
        this.scheduler = scheduler;
        this.slots = slots;
        this.iterations = iterations;
        scheduler.start(new SchedulerProblem(Objective.of("acc", Mode.MAX), 5, SPACE, this));
        for (int n = 1; n <= trials; n++) {
            String id = "t" + n;
            Trial trial = new Trial(id, n, id, Config.of(Map.of("lr", 1e-3 * n)), TrialStatus.RUNNING,
                    Optional.empty(), 0, Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
            this.trials.put(id, trial);
            waiting.add(trial);
        }
    }

    ExperimentSim watch(Watcher watcher) {
        this.watcher = watcher;
        return this;
    }

    /**
     * Runs until every trial has ended; false when it is stuck without {@code quiet}: nothing runs,
     * nothing will start, and a paused trial waits for a decision only a quiet question gives. With
     * {@code quiet}, the scheduler is asked so then, and trials it leaves paused are cancelled.
     */
    boolean run(boolean quiet) {
        for (int step = 0; step < LIMIT; step++) {
            while (running.size() < slots && !waiting.isEmpty()) {
                Trial trial = waiting.poll();
                scheduler.onTrialAdd(trial);
                running.add(trial.id());
                reached.put(trial.id(), 0L);
            }
            if (running.isEmpty()) {
                if (paused.isEmpty()) {
                    return true;
                }
                if (!quiet) {
                    return false;
                }
                decide(true);
                if (running.isEmpty()) {
                    List.copyOf(paused.keySet()).forEach(id -> end(id, Termination.CANCELLED));
                    paused.clear();
                }
                continue;
            }
            step(running.remove(0));
            decide(false);
        }
        throw new AssertionError("the experiment never ended: " + log.subList(log.size() - 20, log.size()));
    }

    private void step(String id) {
        long t = reached.merge(id, 1L, Long::sum);
        int number = trials.get(id).number();
        double acc = (number % 4 + 1) * t / 10.0;
        Decision decision = scheduler.onTrialResult(new Result(id, t, 1, t, t, 0, t, false, Map.of("acc", acc)));
        log.add(id + "@" + t + " " + decision);
        switch (decision) {
            case CONTINUE -> {
                if (t >= iterations) {
                    end(id, Termination.COMPLETED);
                } else {
                    running.add(id);
                }
            }
            case PAUSE -> paused.put(id, t);
            case STOP -> end(id, Termination.EARLY_STOPPED);
            case COMPLETE -> end(id, Termination.COMPLETED);
        }
        actions();
    }

    /** Asks about paused trials, as the runner does after every result and end; again after a trial it stopped. */
    private void decide(boolean quiet) {
        Map<String, Decision> decisions = scheduler.decidePaused(quiet);
        watcher.decided(this, quiet, decisions);
        decisions.forEach((id, decision) -> {
            assertNotNull(paused.remove(id), () -> "decided on " + id + ", which is not paused");
            log.add(id + (quiet ? " quiet " : " paused ") + decision);
            if (decision == Decision.CONTINUE) {
                running.add(id);
            } else {
                end(id, decision == Decision.COMPLETE ? Termination.COMPLETED : Termination.EARLY_STOPPED);
            }
        });
        actions();
        if (decisions.values().stream().anyMatch(d -> d != Decision.CONTINUE) && !paused.isEmpty()) {
            decide(false);
        }
    }

    private void end(String id, Termination termination) {
        Trial trial = trials.get(id);
        scheduler.onTrialComplete(new Trial(id, trial.number(), id, trial.config(), TrialStatus.TERMINATED,
                Optional.of(termination), reached.get(id), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty()));
        log.add(id + " ended " + termination);
    }

    private void actions() {
        for (SchedulerAction action : scheduler.actions()) {
            if (action instanceof SchedulerAction.SaveCheckpoint save) {
                checkpointed.add(save.trialId());
            }
            log.add(action.toString());
        }
    }

    /** The paused trials, each with the iteration it paused at. */
    Map<String, Long> paused() {
        return Map.copyOf(paused);
    }

    /** The iteration every trial that has not ended has reached, by id. */
    Map<String, Long> live() {
        Map<String, Long> live = new HashMap<>(paused);
        running.forEach(id -> live.put(id, reached.get(id)));
        return live;
    }

    boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public int freeSlots() {
        return slots - running.size();
    }

    @Override
    public int waitingTrials() {
        return Math.min(waiting.size(), slots);
    }

    @Override
    public boolean hasCheckpoint(String trialId) {
        return checkpointed.contains(trialId);
    }

    @Override
    public Optional<RungValues> sharedRungs() {
        return Optional.ofNullable(rungs);
    }
}
