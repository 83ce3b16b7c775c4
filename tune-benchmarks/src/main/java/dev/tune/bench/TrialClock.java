package dev.tune.bench;

import dev.tune.options.Callback;
import dev.tune.result.Trial;

/**
 * Records when trials start and end, in the order the engine reports them. The engine calls
 * callbacks one at a time, so plain arrays do; B1 runs one trial at a time, so the n-th start and
 * the n-th end belong to the same trial.
 */
final class TrialClock implements Callback {

    private final long[] starts;
    private final long[] ends;
    private int started;
    private int ended;

    TrialClock(int trials) {
        this.starts = new long[trials];
        this.ends = new long[trials];
    }

    @Override
    public void onTrialStart(Trial trial) {
        if (started < starts.length) {
            starts[started++] = System.nanoTime();
        }
    }

    @Override
    public void onTrialComplete(Trial trial) {
        end();
    }

    @Override
    public void onTrialError(Trial trial, Throwable failure) {
        end();
    }

    private void end() {
        if (ended < ends.length) {
            ends[ended++] = System.nanoTime();
        }
    }

    /**
     * Milliseconds per trial over the first {@code count} trials: from the first trial's start to
     * the end of the {@code count}-th, so the driver's work between trials is included.
     */
    double firstMsPerTrial(int count) {
        if (started == 0 || ended < count) {
            return Double.NaN;
        }
        return (ends[count - 1] - starts[0]) / 1e6 / count;
    }

    /** Milliseconds per trial over the last {@code count} trials: end to end, driver work included. */
    double lastMsPerTrial(int count) {
        if (ended <= count) {
            return Double.NaN;
        }
        return (ends[ended - 1] - ends[ended - 1 - count]) / 1e6 / count;
    }
}
