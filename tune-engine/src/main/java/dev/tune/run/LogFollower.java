package dev.tune.run;

import dev.tune.store.SharedRun;
import dev.tune.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what a worker has read of the shared log fresh without holding a trial back: a decision on
 * a result asks for a read when the last one is older than the staleness bound, and goes on with
 * what was read, as Optuna's pruners decide on what storage gave them. The read runs on this
 * follower's own thread, one at a time; only a reading much older than the bound is renewed
 * before the decision. Before, the trial that reported waited for the read's round
 * trip (B7 random-asha at 16 slots: about 48 ms of every trial's 94 went to coordination).
 */
final class LogFollower implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);

    private final SharedRun shared;
    private final SharedRun.Replica replica;
    private final long freshNanos;
    private final Thread thread;
    /** When the last read started (System.nanoTime), so a fresh reading asks for nothing. */
    private volatile long lastRead = System.nanoTime() - Long.MAX_VALUE / 2;
    private boolean wanted;
    private boolean closed;

    private LogFollower(SharedRun shared, SharedRun.Replica replica, long freshNanos, String name) {
        this.shared = shared;
        this.replica = replica;
        this.freshNanos = freshNanos;
        this.thread = new Thread(this, "tune-" + name + "-log");
        thread.setDaemon(true);
    }

    /** Starts following the log for {@code replica}, reading it when asked and older than {@code freshNanos}. */
    static LogFollower start(SharedRun shared, SharedRun.Replica replica, long freshNanos, String name) {
        LogFollower follower = new LogFollower(shared, replica, freshNanos, name);
        follower.thread.start();
        return follower;
    }

    /**
     * Reads now, on the caller's thread, when the last read is older than {@code staleNanos} (the
     * first decisions, or after a pause in the results); else asks for a read in the background when
     * the last one is older than the bound, and returns at once.
     */
    void freshen(long staleNanos) {
        long age = System.nanoTime() - lastRead;
        if (age >= staleNanos) {
            lastRead = System.nanoTime();
            shared.catchUp(replica, freshNanos);
            return;
        }
        if (age < freshNanos) {
            return;
        }
        synchronized (this) {
            wanted = true;
            notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            while (awaitRequest()) {
                lastRead = System.nanoTime();
                try {
                    shared.catchUp(replica, freshNanos);
                } catch (StorageException e) {
                    // the database went away: claims and appends meet it too, and retry or leave
                    LOG.debug("Reading the shared log failed: {}", e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean awaitRequest() throws InterruptedException {
        while (!wanted && !closed) {
            wait();
        }
        wanted = false;
        return !closed;
    }

    /** Stops following, after a read under way. */
    void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
