package dev.tune.run;

import dev.tune.schedule.RungValues;
import dev.tune.store.SharedRun;
import dev.tune.store.SharedRun.RungRead;
import dev.tune.store.SharedRun.RungValue;
import dev.tune.store.StorageException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASHA's rungs as a worker of a shared experiment sees them. Every rung's values are kept sorted
 * here, and a decision reads its cut-off from them at once, as Optuna's pruners decide on what
 * storage gave them. The trial's value then goes to the database in the background
 * ({@link SharedRun#recordAtRungs}), with any others waiting to go, and the same round trip brings
 * back what other workers recorded since this worker last looked. The worker's first decision
 * waits for that round trip, so that it starts from every value recorded so far. No worker reads
 * another's results for ASHA, and the database sorts nothing.
 */
final class SharedRungs implements RungValues, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRungs.class);

    private final SharedRun shared;
    private final String name;
    private final RungValues known = RungValues.inMemory();
    /** Where the next read starts; -1 until the first. */
    private long since = -1;
    private List<RungValue> unsent = new ArrayList<>();
    private Thread sender;
    private boolean closed;

    SharedRungs(SharedRun shared, String name) {
        this.shared = shared;
        this.name = name;
    }

    @Override
    public double cutoffThenRecord(int bracket, int rung, String trialId, double value, double quantile) {
        List<RungValue> mine = Double.isNaN(value) ? List.of() : List.of(new RungValue(bracket, rung, trialId, value));
        synchronized (this) {
            if (since >= 0) {
                double cutoff = known.cutoffThenRecord(bracket, rung, trialId, value, quantile);
                if (!mine.isEmpty() && !closed) {
                    unsent.addAll(mine);
                    startSender();
                    notifyAll();
                }
                return cutoff;
            }
        }
        RungRead read = shared.recordAtRungs(mine, 0);
        synchronized (this) {
            learn(read);
            if (read.inserted() < mine.size()) {
                return Double.NaN; // recorded there before, by the worker that ran it then: it goes on
            }
            return known.cutoffThenRecord(bracket, rung, trialId, value, quantile);
        }
    }

    /** Adds what a round trip read; values known already (this worker's own, or read twice) are skipped. */
    private void learn(RungRead read) {
        since = Math.max(since, read.horizon());
        for (RungValue value : read.read()) {
            known.cutoffThenRecord(value.bracket(), value.rung(), value.trialId(), value.value(), 0.5);
        }
    }

    private void startSender() {
        if (sender == null) {
            sender = new Thread(this::send, "tune-" + name + "-rungs");
            sender.setDaemon(true);
            sender.start();
        }
    }

    private void send() {
        while (true) {
            List<RungValue> batch;
            long from;
            synchronized (this) {
                while (unsent.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (unsent.isEmpty()) {
                    return;
                }
                batch = unsent;
                unsent = new ArrayList<>();
                from = since;
            }
            try {
                RungRead read = shared.recordAtRungs(batch, from);
                synchronized (this) {
                    learn(read);
                }
            } catch (StorageException e) {
                // the database went away for longer than its retries: claims and appends meet it too, and leave
                LOG.debug("Could not record {} values at ASHA's rungs: {}", batch.size(), e.getMessage());
            }
        }
    }

    /** Sends the values still on their way, then stops. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            notifyAll();
            running = sender;
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
