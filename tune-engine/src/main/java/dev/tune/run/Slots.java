package dev.tune.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The experiment's parallel slots, each a thread running a {@link TrialWorker}. A slot whose thread
 * is left behind in a step that never returns ({@link TrialDeadlines}) gets a new thread, and the
 * run no longer waits for the old one.
 */
final class Slots {

    private final Supplier<TrialWorker> worker;
    private final String name;
    private final AtomicInteger made = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Thread, TrialWorker> workers = new HashMap<>();

    Slots(Supplier<TrialWorker> worker, String name) {
        this.worker = worker;
        this.name = name;
    }

    /** Starts {@code count} slots. */
    synchronized void start(int count) {
        for (int i = 0; i < count; i++) {
            startOne();
        }
    }

    /** {@code leftBehind}'s slot goes on on a new thread. */
    synchronized void replace(Thread leftBehind) {
        if (threads.remove(leftBehind)) {
            workers.remove(leftBehind);
            startOne();
        }
    }

    /** The trials whose bodies the slots' threads run now. */
    synchronized List<LiveTrial> inBodies() {
        List<LiveTrial> trials = new ArrayList<>();
        for (TrialWorker each : workers.values()) {
            LiveTrial trial = each.inBody();
            if (trial != null) {
                trials.add(trial);
            }
        }
        return trials;
    }

    /** Waits until every slot's thread ended; a thread left behind is not waited for. */
    void awaitAll() throws InterruptedException {
        while (true) {
            Thread next;
            synchronized (this) {
                next = threads.stream().filter(Thread::isAlive).findFirst().orElse(null);
            }
            if (next == null) {
                return;
            }
            next.join(100); // again soon: the thread may have been left behind and replaced meanwhile
        }
    }

    private void startOne() {
        TrialWorker next = worker.get();
        Thread thread = new Thread(next, "tune-" + name + "-" + made.incrementAndGet());
        workers.put(thread, next);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }
}
