package dev.tune.run;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerProblem;

/**
 * The scheduler as the {@link TrialBook} of a shared experiment sees it: the real scheduler hears
 * every add, result and end from the log (through {@link SharedSearch}), so the book's own calls
 * for adds and ends are dropped, and its results are decided at the head of the log
 * ({@link SharedSearch#decide}).
 */
final class SharedScheduler implements Scheduler {

    private final Scheduler real;

    SharedScheduler(Scheduler real) {
        this.real = real;
    }

    @Override
    public void start(SchedulerProblem problem) {
        real.start(problem);
    }

    @Override
    public void onTrialAdd(Trial trial) {
        // heard from the log
    }

    @Override
    public Decision onTrialResult(Result result) {
        // asked only when the real scheduler decides nothing (FIFO); a deciding one answers at the head of the log
        return Decision.CONTINUE;
    }

    @Override
    public void onTrialComplete(Trial trial) {
        // heard from the log
    }

    @Override
    public String toString() {
        return real.toString();
    }
}
