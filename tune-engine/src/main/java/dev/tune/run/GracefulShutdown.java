package dev.tune.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C (or SIGTERM) during an experiment, as Ray's SIGINT handling: the JVM's shutdown waits
 * while tune stops every trial at its next result, records them as cancelled and writes the
 * experiment's state, so the experiment can be resumed with {@code tune.resume=true}. A second
 * signal, or SIGKILL, skips this; the journal then still holds everything written before.
 */
final class GracefulShutdown {

    private static final long GRACE_SECONDS = 30;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private GracefulShutdown(TrialBook book, String name) {
        this.hook = new Thread(() -> {
            book.stopAll("interrupted: the JVM is shutting down");
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tune-" + name + "-shutdown");
    }

    static GracefulShutdown install(TrialBook book, String name) {
        GracefulShutdown shutdown = new GracefulShutdown(book, name);
        try {
            Runtime.getRuntime().addShutdownHook(shutdown.hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            book.stopAll("the JVM is shutting down");
        }
        return shutdown;
    }

    /** The experiment's record is complete: let a waiting shutdown go on, and remove the hook. */
    void done() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and has just been released
        }
    }
}
