package dev.tune.run;

import dev.tune.schedule.SchedulerView;

/** The read-only view a scheduler gets of a running experiment, answered by its {@link TrialBook}. */
final class RunningView implements SchedulerView {

    private final TrialBook book;

    RunningView(TrialBook book) {
        this.book = book;
    }

    @Override
    public int slots() {
        return book.plan().workers();
    }

    @Override
    public int freeSlots() {
        return book.freeSlots();
    }

    @Override
    public int waitingTrials() {
        return book.waiting();
    }

    @Override
    public boolean hasCheckpoint(String trialId) {
        return book.hasCheckpoint(trialId);
    }
}
