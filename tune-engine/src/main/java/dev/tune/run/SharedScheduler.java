package dev.tune.run;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerAction;
import dev.tune.search.Brackets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler as the {@link TrialBook} of a shared experiment sees it: the book's adds, results
 * and ends go to the replica ({@link SharedSearch}), which hears them as they happen (the default)
 * or from the log in its order, and decides on results ({@link SharedSearch#decide}). Decisions on
 * paused trials and what the scheduler asks of trials go through the replica, which answers for
 * this worker's trials only. Its declared capabilities are the real scheduler's.
 */
final class SharedScheduler implements Scheduler {

    private final SharedSearch replica;
    private final Scheduler first;

    /** {@code first}: the replica's scheduler when the run starts, for its name. */
    SharedScheduler(SharedSearch replica, Scheduler first) {
        this.replica = replica;
        this.first = first;
    }

    @Override
    public void onTrialAdd(Trial trial) {
        replica.addedHere(trial); // or heard from the log, in its order
    }

    /** Asked only when the replica decides nothing on results (FIFO); a deciding one answers through the replica. */
    @Override
    public Decision onTrialResult(Result result) {
        // asked only when the real scheduler decides nothing (FIFO); a deciding one answers at the head of the log
        return Decision.CONTINUE;
    }

    @Override
    public void onTrialComplete(Trial trial) {
        replica.endedHere(trial); // or heard from the log, in its order
    }

    @Override
    public Map<String, Decision> decidePaused(boolean quiet) {
        return replica.decidePaused(quiet);
    }

    @Override
    public List<SchedulerAction> actions() {
        return replica.actions();
    }

    @Override
    public boolean needsCheckpoints() {
        return first.needsCheckpoints();
    }

    @Override
    public boolean pausesTrials() {
        return first.pausesTrials();
    }

    @Override
    public boolean stopsEarly() {
        return first.stopsEarly();
    }

    @Override
    public Optional<Brackets> brackets() {
        return first.brackets();
    }

    @Override
    public boolean decidesOnResults() {
        return first.decidesOnResults();
    }

    @Override
    public boolean decidesAtRungs() {
        return first.decidesAtRungs();
    }

    @Override
    public boolean needsBarrier() {
        return first.needsBarrier();
    }

    @Override
    public boolean pausedTrialsStayOnWorker() {
        return first.pausedTrialsStayOnWorker();
    }

    @Override
    public boolean replicable() {
        return first.replicable();
    }

    @Override
    public String toString() {
        return first.toString();
    }
}
