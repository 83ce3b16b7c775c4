package dev.tune.schedule;

import dev.tune.result.Result;

/** Ray's default {@code FIFOScheduler}: every trial runs until its own end; nothing stops early. */
public final class FifoScheduler implements Scheduler {

    @Override
    public Decision onTrialResult(Result result) {
        return Decision.CONTINUE;
    }

    @Override
    public String toString() {
        return "fifo";
    }

    @Override
    public boolean stopsEarly() {
        return false;
    }

    /** False: every result continues, there is nothing to decide. */
    @Override
    public boolean decidesOnResults() {
        return false;
    }

    /** True: its decisions depend only on its seed and the events it was told, in order. */
    @Override
    public boolean replicable() {
        return true;
    }
}
