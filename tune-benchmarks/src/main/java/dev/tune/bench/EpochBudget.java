package dev.tune.bench;

import dev.tune.result.Result;
import dev.tune.stop.Stopper;

/**
 * B5's mode B budget: a total number of epochs (results) over the whole experiment. tune asks a
 * stopper about every result before it asks whether the experiment should stop, so the result
 * that spends the last epoch ends the experiment at once: the trial that reported it is cut there
 * (the runner records it as cancelled) and no new trial starts. With one trial at a time the
 * experiment therefore consumes exactly the budget. One instance per run: it counts.
 */
final class EpochBudget implements Stopper {

    private final long budget;
    private long used;

    EpochBudget(long budget) {
        this.budget = budget;
    }

    @Override
    public boolean shouldStopTrial(Result result) {
        used++;
        return false;
    }

    @Override
    public boolean shouldStopAll() {
        return used >= budget;
    }

    long used() {
        return used;
    }
}
