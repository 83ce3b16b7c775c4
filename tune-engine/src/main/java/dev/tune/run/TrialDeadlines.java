package dev.tune.run;

import dev.tune.result.Termination;
import dev.tune.result.Trial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the per-trial time limit ({@code @Stop(trialSeconds)}) and the experiment's time budget
 * when a step does not return. Between results the runner stops trials itself; this thread looks
 * at the trials in their bodies every few milliseconds. A trial past its limit stops as
 * {@link Termination#TIMED_OUT}, and every trial in its body when the budget runs out as
 * {@link Termination#CANCELLED}: its thread is interrupted, so a step that sleeps or waits returns at
 * once. A step that ignores the interrupt for {@code tune.stop.graceTime} is left behind, with a
 * warning that says so: the trial ends without it and its slot goes on on a new thread, as Ray
 * ends a trial whose actor does not stop in time.
 */
final class TrialDeadlines implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TrialDeadlines.class);

    private final TrialBook book;
    private final Slots slots;
    private final double trialSeconds;
    private final long graceNanos;
    private final Map<LiveTrial, Long> interruptedAt = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    private TrialDeadlines(TrialBook book, Slots slots, double trialSeconds, Duration grace) {
        this.book = book;
        this.slots = slots;
        this.trialSeconds = trialSeconds;
        this.graceNanos = grace.toNanos();
        this.thread = new Thread(this, "tune-" + book.plan().name() + "-deadlines");
        thread.setDaemon(true);
    }

    /** Starts holding the limits of {@code book}'s plan, when it has any; null when it has none. */
    static TrialDeadlines start(TrialBook book, Slots slots, Duration grace) {
        double trialSeconds = book.plan().stop().trialSeconds();
        if (Double.isInfinite(trialSeconds) && book.plan().timeBudget().isEmpty()) {
            return null;
        }
        TrialDeadlines deadlines = new TrialDeadlines(book, slots, trialSeconds, grace);
        deadlines.thread.start();
        return deadlines;
    }

    @Override
    public void run() {
        long tick = Math.max(1, Math.min(50, graceNanos / 4_000_000));
        while (!closed) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            look();
        }
    }

    /** Interrupts the trials past their limits, and leaves behind those that ignored it for the grace time. */
    void look() {
        List<Trial> ended = new ArrayList<>();
        List<Thread> leftBehind = new ArrayList<>();
        synchronized (book) {
            book.checkTimeBudget();
            long now = System.nanoTime();
            boolean budgetOver = now >= book.deadline(); // not any stop: a stopper or fail-fast lets steps finish
            for (LiveTrial trial : slots.inBodies()) {
                Thread running = trial.thread().running();
                if (running == null || trial.status().isFinished()) {
                    continue; // left its body since the slots were asked
                }
                Long since = interruptedAt.get(trial);
                if (since == null) {
                    boolean overLimit = trial.thread().trainingSeconds(now) >= trialSeconds;
                    if (overLimit || budgetOver) {
                        trial.requests().interruptAs(overLimit ? Termination.TIMED_OUT : Termination.CANCELLED);
                        interruptedAt.put(trial, now);
                        running.interrupt();
                    }
                } else if (now - since >= graceNanos) {
                    LOG.warn("Trial {} did not return within {} s of being interrupted at its {} (its step ignores"
                            + " interrupts): its thread {} is left behind and its slot goes on without it",
                            trial.trialName(), graceNanos / 1e9, trial.requests().stopCause()
                                    .filter(c -> c == Termination.CANCELLED).isPresent() ? "experiment's time budget"
                                    : "time limit", running.getName());
                    Trial end = book.onEnd(trial, null);
                    trial.thread().leaveBehind();
                    interruptedAt.remove(trial);
                    if (end != null) {
                        ended.add(end);
                    }
                    leftBehind.add(running);
                }
            }
            interruptedAt.keySet().removeIf(t -> t.thread().running() == null);
        }
        ended.forEach(book.store()::endTrial);
        leftBehind.forEach(slots::replace);
    }

    /** Stops looking. */
    void close() {
        closed = true;
        thread.interrupt();
    }
}
