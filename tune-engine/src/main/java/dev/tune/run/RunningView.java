package dev.tune.run;

import dev.tune.schedule.SchedulerView;

/** The read-only view a scheduler gets of an experiment this worker runs alone, answered by its {@link TrialBook}. */
final class RunningView implements SchedulerView {

    private final TrialBook book;
    private final Coordination coordination;

    RunningView(TrialBook book, Coordination coordination) {
        this.book = book;
        this.coordination = coordination;
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
        return coordination.waiting();
    }

    @Override
    public boolean hasCheckpoint(String trialId) {
        return book.hasCheckpoint(trialId);
    }

    @Override
    public boolean runsHere(String trialId) {
        return true;
    }
}
