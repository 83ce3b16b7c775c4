package dev.tune.run;

/**
 * The thread that runs one trial's body now, and the training clock of the step it is in: what
 * {@link TrialDeadlines} reads, from its own thread, to hold the trial's time limit when a step
 * does not return. Written by the trial's worker; every field is volatile.
 */
final class TrialThread {

    /** The thread in the trial's body now; null between runs. */
    private volatile Thread running;
    /** When the step under way started (System.nanoTime). */
    private volatile long stepStarted = System.nanoTime();
    /** The trial's training time before the step under way, in seconds. */
    private volatile double trainedBefore;
    /** True once the trial was ended without its thread, which ignored an interrupt and was left behind. */
    private volatile boolean leftBehind;

    /** {@code thread} enters the trial's body; null when it leaves. */
    void runs(Thread thread) {
        running = thread;
    }

    /** The thread in the trial's body, if one is. */
    Thread running() {
        return running;
    }

    /** A step starts now, after {@code trainedSeconds} of training. */
    void stepFrom(double trainedSeconds, long now) {
        trainedBefore = trainedSeconds;
        stepStarted = now;
    }

    /** The trial's training time at {@code now}, the step under way included. */
    double trainingSeconds(long now) {
        return trainedBefore + (now - stepStarted) / 1e9;
    }

    /** The trial ended without its thread: whatever the thread does when it returns is ignored. */
    void leaveBehind() {
        leftBehind = true;
    }

    boolean leftBehind() {
        return leftBehind;
    }
}
