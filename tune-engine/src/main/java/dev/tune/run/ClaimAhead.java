package dev.tune.run;

import dev.tune.result.Termination;
import dev.tune.result.TrialStatus;
import dev.tune.store.ExperimentStore;
import dev.tune.store.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

/**
 * Claims a shared experiment's trials ahead of need, on a thread of its own, so that a slot that
 * frees finds its next trial waiting instead of waiting for the database and the suggestion, as Ray
 * keeps trials {@code PENDING} ahead of free resources. When trials are short it keeps one claimed
 * trial per slot that has not started, for a searcher that {@linkplain SharedSearch#suggestsAhead
 * suggests ahead}, and two when claims need no replay of the log (random and grid search: their
 * claims cost one statement, but a slow one should still not leave a slot idle). Other workers see
 * such a trial as running (TPE's constant liar counts it); if this worker dies, its heartbeat stops
 * and another worker takes the trial over; if this worker leaves, {@link #close} hands them back
 * ({@link TrialBook#dropClaimedAhead}).
 *
 * <p>The claim itself runs outside the book's lock (the worker's replicas are guarded by the
 * shared run's own lock), so a trial reporting a result never waits for a claim's round trips. The
 * state here is guarded by the book's monitor, which is also what the book's threads wait on.
 */
final class ClaimAhead implements Runnable {

    private final TrialBook book;
    private final SharedSearch replica;
    private final String tag;
    private final Path trialsRoot;
    /** Trials shorter than this (seconds, on average) are worth claiming ahead. */
    static final double SHORT = 1.0;
    /** A model-based searcher claims ahead only on a budget of more trials than this for each one pending. */
    static final int BUDGET_PER_PENDING_TRIAL = 50;

    private final ArrayDeque<LiveTrial> claimed = new ArrayDeque<>();
    private final Map<LiveTrial, Long> handedOver = new HashMap<>();
    /** This worker's mean trial length in seconds, as a moving average; NaN until a trial ended. */
    private double meanSeconds = Double.NaN;
    private final Thread thread;
    private boolean claiming;
    /** Whether the claim under way is one of trials claimed ahead: another follows soon. */
    private boolean claimingAhead;
    private boolean empty;
    /** When a claim last found nothing after finding something (System.nanoTime), for {@link #pollMillis}. */
    private long emptySince = System.nanoTime();
    private boolean closed;
    private boolean drained;
    private boolean flushed;

    private ClaimAhead(TrialBook book, SharedSearch replica, String tag, Path trialsRoot) {
        this.book = book;
        this.replica = replica;
        this.tag = tag;
        this.trialsRoot = trialsRoot;
        this.thread = new Thread(this, "tune-" + book.plan().name() + "-claims");
        thread.setDaemon(true);
    }

    /** Starts claiming for {@code book}; call under the book's lock. */
    static ClaimAhead start(TrialBook book, SharedSearch replica, String tag, Path trialsRoot) {
        ClaimAhead ahead = new ClaimAhead(book, replica, tag, trialsRoot);
        ahead.thread.start();
        return ahead;
    }

    /** The next claimed trial, not yet the book's, or null when none is waiting; under the book's lock. */
    LiveTrial take() {
        LiveTrial trial = claimed.poll();
        if (trial != null) {
            handedOver.put(trial, System.nanoTime());
            book.notifyAll(); // room for the next claim
        }
        return trial;
    }

    /** A trial this worker took from here ended (or paused): how long it ran counts; under the book's lock. */
    void ended(LiveTrial trial) {
        Long since = handedOver.remove(trial);
        if (since != null) {
            double seconds = (System.nanoTime() - since) / 1e9;
            meanSeconds = Double.isNaN(meanSeconds) ? seconds : 0.8 * meanSeconds + 0.2 * seconds;
        }
    }

    /**
     * How many claimed trials wait per slot: two when a claim needs no replay of the log (random and
     * grid search); one for a model-based searcher that {@linkplain SharedSearch#suggestsAhead
     * suggests ahead} (TPE, the Gaussian process) on a budget large for the trials running
     * ({@link #budgetAllowsAhead}), whose next suggestion then counts the slot's running trial as
     * running, as it counts the other workers'. None for the others (CMA-ES, NSGA-II, a concurrency
     * limiter), which are asked when a slot frees, knowing every trial that ended, as Optuna's
     * samplers are asked. None either for PBT, whose paused trials stay with their worker and take
     * turns there.
     */
    private int perSlot() {
        if (book.plan().scheduler().pausedTrialsStayOnWorker()) {
            return 0;
        }
        if (replica.positional()) {
            return 2;
        }
        return replica.suggestsAhead() && budgetAllowsAhead() ? 1 : 0;
    }

    /**
     * True when the experiment's budget (or no limit) is more than {@value #BUDGET_PER_PENDING_TRIAL}
     * trials for each trial a suggestion would count as running with trials claimed ahead: this
     * worker's slots twice over (running, and one claimed ahead each) and the other workers' trials
     * added and not ended (theirs claimed ahead included, so the answer does not change once they
     * claim ahead too). A trial claimed ahead is suggested with one more trial per slot counted as
     * running, which costs a model little only when it has many more trials to learn from.
     * Measured: B4W (100 trials, 4 workers of one slot, 20 ms trials) lost parity with one process
     * on 2 of 7 functions for TPE and 3 of 7 for auto with a trial ahead per slot; B7 (2,000 trials
     * of 100 ms, 16 slots) went from 0.80 to 0.96 of the ideal with it.
     */
    private boolean budgetAllowsAhead() {
        int samples = book.plan().samples();
        return samples <= 0 || samples > (long) BUDGET_PER_PENDING_TRIAL
                * (2L * book.plan().workers() + replica.othersRunning());
    }

    /** How many claimed trials may wait here now; under the book's lock. */
    private int room() {
        if (ahead()) {
            return book.plan().workers() * perSlot() - claimed.size();
        }
        return book.plan().workers() - book.occupied() - claimed.size();
    }

    /**
     * True when trials are claimed ahead of the slots now: they are short, the searcher allows it,
     * and the trials left are more than would be held ahead; under the book's lock.
     */
    private boolean ahead() {
        int perSlot = perSlot();
        return perSlot > 0 && meanSeconds < SHORT && !replica.nearTheEnd(book.plan().workers() * perSlot);
    }

    /**
     * How long the book waits before it looks again for the end of other workers' trials, under
     * the book's lock: 10 ms right after the claims ran dry, then a quarter of the time since, up to
     * {@code most} and to a tenth of this worker's mean trial, and never past the {@code deadline}
     * (System.nanoTime). Trials that end soon after are seen at once; a long wait costs few
     * queries; the others' last trials, which run about as long as this worker's, are seen ending
     * within a tenth of their length (B7: the last worker returned 100 ms sooner).
     */
    long pollMillis(Duration most, long deadline) {
        long dry = (System.nanoTime() - emptySince) / 4_000_000;
        long left = (deadline - System.nanoTime()) / 1_000_000;
        long tenth = Double.isNaN(meanSeconds) ? most.toMillis() : (long) (meanSeconds * 100);
        return Math.max(1, Math.min(left, Math.max(10, Math.min(Math.min(most.toMillis(), tenth), dry))));
    }

    /**
     * When no claimed trial waits: waits a while for one, under the book's lock; false once the
     * experiment is done for this worker ({@link #done}). With {@code barrier}, this worker's paused
     * trials wait for every worker's trials to reach a boundary (HyperBand, synchronous PBT): then
     * {@code resumeDecided} hands the decisions the log brought to them (true when one may run), and
     * with no trial running here and none left to claim, the decision is asked for at the head of
     * the log.
     */
    boolean await(int running, boolean barrier, BooleanSupplier resumeDecided,
            IntSupplier open, long deadline) throws InterruptedException {
        if (barrier) {
            if (resumeDecided.getAsBoolean()
                    || running == 0 && idle() && replica.decideQuiet() && resumeDecided.getAsBoolean()) {
                return true;
            }
        } else if (done(running, open)) {
            return false;
        }
        book.wait(pollMillis(book.plan().sharedPoll(), deadline));
        return true;
    }

    /**
     * True once the experiment is done for this worker: nothing to claim, none of its trials
     * running, and none of the others' ({@code open}) either; under the book's lock. The first
     * to see it wakes the book's other threads, so every slot ends at once, not at its next look.
     * When its own trials are all done, this worker sends their ends at once, without the store's
     * gathering window, since every other worker waits for them.
     */
    boolean done(int running, IntSupplier open) {
        if (!drained && !flushed && idle() && running == 0) {
            flushed = true;
            book.store().flush(); // this worker's last ends into the log now, not after the store's gathering window
        }
        if (!drained && idle() && running == 0 && open.getAsInt() == 0) {
            drained = true;
            book.notifyAll();
        }
        return drained;
    }

    /** True when the last claim found nothing (the searcher is done or waits) and none is under way. */
    boolean idle() {
        return empty && !claiming && claimed.isEmpty();
    }

    @Override
    public void run() {
        try {
            int room;
            while ((room = awaitRoom()) > 0) {
                if (replica.modelBased() && replica.ordered()) {
                    book.store().flush(); // this worker's ends into the log first: its searcher counts them ended
                }
                boolean soon;
                synchronized (book) {
                    soon = claimingAhead;
                }
                LiveTrial trial = replica.claim(tag, room, soon,
                        (id, number, config) -> Naming.newTrial(book.plan(), book, trialsRoot, id, number, config),
                        UnaryOperator.identity(), lost -> LiveTrial.resumed(lost, false, book, trialsRoot));
                boolean readNow;
                synchronized (book) {
                    claiming = false;
                    emptySince = trial == null && !empty ? System.nanoTime() : emptySince;
                    empty = trial == null;
                    if (trial != null) {
                        claimed.add(trial);
                    }
                    replica.stopped().ifPresent(book::stopAll);
                    // a replica that reads no events reads the log when no slot can wait for a claim
                    readNow = trial == null || replica.readsEvents() || room() <= 0;
                    book.notifyAll();
                }
                if (readNow) {
                    replica.catchUp(); // after the hand-over: the trial does not wait for the read
                }
                if (trial == null) {
                    synchronized (book) {
                        if (!closed) {
                            // the searcher waits, or others' trials may come back
                            book.wait(book.plan().sharedPoll().toMillis());
                        }
                    }
                }
            }
        } catch (StorageException e) {
            book.leave(e); // the database went away for longer than its retries: this worker stops cleanly
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (book) {
                claiming = false;
                empty = true;
                book.notifyAll();
            }
        }
    }

    /** Waits until there is room for claimed trials; how much, 0 once the worker stops. */
    private int awaitRoom() throws InterruptedException {
        synchronized (book) {
            while (!closed && book.stopAllReason().isEmpty() && room() <= 0) {
                book.wait();
            }
            claiming = !closed && book.stopAllReason().isEmpty();
            claimingAhead = claiming && ahead();
            return claiming ? room() : 0;
        }
    }

    /**
     * Stops claiming, waits for a claim under way, and ends the trials claimed that did not start
     * (cancelled, not run): the shared store gives them to other workers.
     */
    void giveBack(ExperimentStore store) {
        for (LiveTrial trial : close()) {
            trial.end(TrialStatus.TERMINATED, Termination.CANCELLED, null);
            store.endTrial(trial.snapshot());
        }
    }

    private List<LiveTrial> close() {
        synchronized (book) {
            closed = true;
            book.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (book) {
            List<LiveTrial> left = new ArrayList<>(claimed);
            claimed.clear();
            return left;
        }
    }
}
