package dev.tune.run;

import dev.tune.result.Termination;
import dev.tune.schedule.SchedulerAction.Exploit;
import java.util.Optional;

/**
 * What the runner and its scheduler ask of one {@link LiveTrial}: to stop (and why), to pause, to
 * save a checkpoint, or to take over another trial's state once it has paused (PBT's exploit).
 * Asked under the book's lock; the trial's own thread reads the requests at its next result or
 * checkpoint, so those it reads are volatile.
 */
final class TrialRequests {

    private volatile boolean stopRequested;
    /** Why the runner stopped the trial; null while it may go on. */
    private Termination stopCause;
    private volatile boolean pauseRequested;
    private volatile boolean interrupted;
    private volatile boolean checkpointRequested;
    /** A PBT exploit to apply once the trial has paused. */
    private volatile Exploit pendingExploit;
    /** The donor's iteration when the exploit was decided: its checkpoint from then is the one copied. */
    private long pendingExploitUpTo;

    /** Asks the trial's body to stop at its next chance: {@link #stopRequested()} turns true. */
    void stop() {
        stopRequested = true;
    }

    /** True once {@link #stop()} was asked: what the trial's body sees as {@code isStopRequested()}. */
    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * The runner stops the trial after its latest result, as {@code cause}: a stop rule's, or a
     * scheduler's that stopped it or gave it its full budget.
     */
    void stopAs(Termination cause) {
        stopCause = cause;
    }

    /**
     * The experiment ended while the trial ran: it stops as cancelled, unless it was stopping for
     * another reason already.
     */
    void cancel() {
        if (stopCause == null) {
            stopCause = Termination.CANCELLED;
        }
    }

    /**
     * A time limit passed while a step ran: the trial stops as {@code cause} (unless it was stopping
     * for another reason already), and its thread is interrupted; what the step throws then is that
     * stop, not the trial's failure.
     */
    void interruptAs(Termination cause) {
        if (stopCause == null) {
            stopCause = cause;
        }
        stopRequested = true;
        interrupted = true;
    }

    /** True once {@link #interruptAs} interrupted the trial's thread. */
    boolean interrupted() {
        return interrupted;
    }

    /** Why the runner stopped the trial ({@link #stopAs}, {@link #cancel}); empty while it may go on. */
    Optional<Termination> stopCause() {
        return Optional.ofNullable(stopCause);
    }

    /** A scheduler pauses the trial after its latest result. */
    void pause() {
        pauseRequested = true;
    }

    /** True from {@link #pause()} until the trial is let go on ({@link #resume()}). */
    boolean pausing() {
        return pauseRequested;
    }

    /** The pause is over: the trial may run again. */
    void resume() {
        pauseRequested = false;
    }

    /** A scheduler wants a checkpoint of the trial's latest result. */
    void checkpoint() {
        checkpointRequested = true;
    }

    /** True from {@link #checkpoint()} until the trial saved one ({@link #checkpointSaved()}). */
    boolean checkpointWanted() {
        return checkpointRequested;
    }

    /** The trial saved a checkpoint: one that was asked for is done. */
    void checkpointSaved() {
        checkpointRequested = false;
    }

    /**
     * PBT's {@code exploit} waits for the trial to pause; the donor's checkpoint at or before
     * {@code donorIteration} (the donor's iteration when the exploit was decided) is the one to copy.
     */
    void exploit(Exploit exploit, long donorIteration) {
        pendingExploit = exploit;
        pendingExploitUpTo = donorIteration;
    }

    /** The exploit the trial waits for, if any: its own state is about to be replaced. */
    Optional<Exploit> pendingExploit() {
        return Optional.ofNullable(pendingExploit);
    }

    /** Takes the pending exploit to apply it: it is no longer pending. */
    Optional<Exploit> takeExploit() {
        Exploit exploit = pendingExploit;
        pendingExploit = null;
        return Optional.ofNullable(exploit);
    }

    /** The donor's iteration when the latest exploit was decided: its checkpoint from then is the one copied. */
    long exploitUpTo() {
        return pendingExploitUpTo;
    }
}
