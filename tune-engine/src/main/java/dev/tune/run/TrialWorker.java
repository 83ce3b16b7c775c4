package dev.tune.run;

import dev.tune.StopTrialException;
import dev.tune.result.Trial;
import dev.tune.store.StorageException;
import dev.tune.trainable.TrialBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the experiment's parallel slots: takes the next trial from the {@link TrialBook}, runs it
 * (retrying a failure up to {@code maxFailures} times), and repeats until no trial is left. Keeps a
 * reusable instance between its trials when the trainable allows it.
 */
final class TrialWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TrialWorker.class);

    private final TrialBook book;
    private final TrialBody body;
    private final TrialOutput output;
    /** The trial whose body this worker's thread runs now; null between bodies. */
    private volatile LiveTrial inBody;

    TrialWorker(TrialBook book, TrialBody body, TrialOutput output) {
        this.book = book;
        this.body = body;
        this.output = output;
    }

    @Override
    public void run() {
        Object reusable = null;
        try {
            LiveTrial trial;
            while ((trial = book.next()) != null) {
                // Store calls happen outside the book's lock; a trial resumed from a pause was added already.
                if (trial.firstStart()) {
                    book.store().addTrial(trial.identity());
                }
                if (reusable != null) {
                    trial.offerReusable(reusable);
                }
                runWithRetries(trial);
                if (trial.thread().leftBehind()) {
                    reusable = null; // the slot went to another thread; the instance stays with the step that kept it
                    return;
                }
                reusable = trial.takeReusable();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            book.stopAll("interrupted");
        } catch (StorageException e) {
            book.leave(e); // a shared store went away for longer than its retries: this worker stops cleanly
        } finally {
            if (reusable != null) {
                body.discard(reusable);
            }
            body.close();
        }
    }

    /** The trial whose body this worker runs now, if any: for {@link TrialDeadlines}. */
    LiveTrial inBody() {
        return inBody;
    }

    private void runWithRetries(LiveTrial trial) {
        int maxFailures = book.plan().maxFailures();
        for (int failures = 0; ; failures++) {
            Throwable failure = null;
            output.enter(trial);
            trial.thread().runs(Thread.currentThread());
            inBody = trial;
            try {
                body.run(trial);
            } catch (Throwable thrown) {
                failure = thrown;
            } finally {
                inBody = null;
                trial.thread().runs(null);
                output.leave();
            }
            if (trial.requests().interrupted()) {
                Thread.interrupted(); // a time limit interrupted the step: that was its stop, not a failure
                failure = null;
            }
            boolean retry = failure != null && !(failure instanceof StopTrialException)
                    && !(failure instanceof MissingMetricException)
                    && (maxFailures < 0 || failures < maxFailures) && book.stopAllReason().isEmpty();
            if (!retry) {
                Trial ended = book.onEnd(trial, failure);
                if (ended != null) {
                    book.store().endTrial(ended);
                }
                return;
            }
            LOG.warn("Trial {} failed (failure {} of at most {}), starting it again: {}", trial.trialName(),
                    failures + 1, maxFailures < 0 ? "unlimited" : maxFailures + 1, String.valueOf(failure));
            trial.restart();
        }
    }
}
