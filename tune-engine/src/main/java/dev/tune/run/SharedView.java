package dev.tune.run;

import dev.tune.schedule.RungValues;
import dev.tune.schedule.SchedulerView;
import java.util.Optional;

/**
 * The read-only view a scheduler gets of an experiment shared by several workers. What it reads
 * while hearing the log (which trials have a checkpoint, which run here, how many are still to
 * come) comes from the log and this worker's claims, so every worker's replica answers alike at
 * one point of the log, and never from the book: replays run under the shared run's lock, which a
 * thread holding the book's lock may be waiting for. Free slots are the book's, asked only from
 * {@code decidePaused}, which the book calls under its own lock.
 */
final class SharedView implements SchedulerView {

    private final TrialBook book;
    private final SharedSearch replica;

    SharedView(TrialBook book, SharedSearch replica) {
        this.book = book;
        this.replica = replica;
    }

    @Override
    public int slots() {
        return book.plan().workers();
    }

    @Override
    public int freeSlots() {
        return book.freeSlots();
    }

    /**
     * What the log says is still to come ({@link SharedSearch#waitingTrials}): the same on every
     * worker at one point of it.
     */
    @Override
    public int waitingTrials() {
        return replica.waitingTrials();
    }

    @Override
    public boolean hasCheckpoint(String trialId) {
        return replica.hasCheckpoint(trialId);
    }

    @Override
    public boolean runsHere(String trialId) {
        return replica.runsHere(trialId);
    }

    @Override
    public Optional<RungValues> sharedRungs() {
        return replica.sharedRungs();
    }
}
