package dev.tune.schedule;

/**
 * The values trials had when they reached the rungs of successive halving, and the cut-off each
 * rung sets for the trials that reach it later. On one machine ASHA keeps them in memory
 * ({@link #inMemory}). A shared experiment keeps one set for all its workers in its database
 * ({@link SchedulerView#sharedRungs}): each decision reads its rung's cut-off and records the
 * trial's value where every worker records, so no worker has to hear another's results.
 */
public interface RungValues {

    /**
     * The {@code quantile} of the values recorded so far at rung {@code rung} of bracket
     * {@code bracket} (linear interpolation, as numpy's quantile), then records {@code value} there for
     * {@code trialId} unless it is NaN. NaN when no value was recorded there yet, or when the trial
     * had recorded one there before (a trial another worker ran before it was lost): either way the
     * trial goes on.
     */
    double cutoffThenRecord(int bracket, int rung, String trialId, double value, double quantile);

    /** Rungs kept in this JVM's memory, for one scheduler. */
    static RungValues inMemory() {
        return new SortedRungs();
    }
}
