package dev.tune.store;

import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every write to one background thread that applies them to the wrapped store in the order
 * they were made, so file-system latency never delays a trial. Order is kept exactly (a trial's
 * "added" line, then its results, then its "ended" line), so the record on disk is always a prefix
 * of what happened: a crash loses at most the writes still queued, never their order. The queue is
 * bounded; a writer that falls behind makes trials wait rather than grow memory. {@link #close()}
 * waits until everything queued is written, then closes the wrapped store and rethrows the first
 * write failure, if any.
 */
final class BackgroundStore implements ExperimentStore {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundStore.class);
    private static final int CAPACITY = 16_384;
    private static final Runnable END = () -> { };

    private final ExperimentStore store;
    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile RuntimeException failure;
    /** An end was applied that goes out without waiting for the window; only the writer thread touches it. */
    private boolean endToSend;

    BackgroundStore(ExperimentStore store, String name) {
        this.store = store;
        this.writer = new Thread(this::drain, "tune-" + name + "-store");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void open(ExperimentInfo experiment) {
        submit(() -> store.open(experiment));
    }

    @Override
    public void addTrial(Trial trial) {
        submit(() -> store.addTrial(trial));
    }

    @Override
    public void appendResult(Trial trial, Result result) {
        submit(() -> store.appendResult(trial, result));
    }

    @Override
    public void addCheckpoint(Trial trial, SavedCheckpoint checkpoint) {
        submit(() -> store.addCheckpoint(trial, checkpoint));
    }

    @Override
    public void perturbed(Trial trial, Perturbation step, boolean log) {
        submit(() -> store.perturbed(trial, step, log));
    }

    @Override
    public void endTrial(Trial trial) {
        submit(() -> {
            store.endTrial(trial);
            endToSend = store.endsGoOutAtOnce();
        });
    }

    @Override
    public void saveState(ExperimentState state) {
        submit(() -> store.saveState(state));
    }

    /**
     * Waits until every write made before it is applied and written out, for at most a second (a
     * store that retries a lost database holds the writer longer; the caller then goes on).
     */
    @Override
    public void flush() {
        CountDownLatch written = new CountDownLatch(1);
        submit(() -> {
            try {
                store.flush();
            } finally {
                written.countDown();
            }
        });
        try {
            written.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        submit(END);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        store.close();
        if (failure != null) {
            throw failure;
        }
    }

    private void submit(Runnable write) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(write);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Keeps the first failure for {@link #close()} and goes on. A linkage error (a class missing
     * from an incomplete class path) is caught too: were the writer thread to die of it, every
     * later write would be lost without a word.
     */
    private void failed(Throwable e) {
        LOG.error("Writing experiment results failed; later writes continue", e);
        if (failure == null) {
            failure = e instanceof RuntimeException r ? r
                    : new IllegalStateException("Writing experiment results failed: " + e, e);
        }
    }

    private void drain() {
        List<Runnable> batch = new ArrayList<>(256);
        long window = TimeUnit.MILLISECONDS.toNanos(store.flushWindowMillis());
        long unflushedSince = 0; // when the first write not yet flushed was applied
        while (true) {
            if (batch.isEmpty()) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    continue;
                }
            }
            queue.drainTo(batch, 255);
            for (Runnable write : batch) {
                if (write == END) {
                    return;
                }
                try {
                    write.run();
                } catch (RuntimeException | LinkageError e) {
                    failed(e);
                }
            }
            batch.clear();
            if (queue.isEmpty()) {
                if (unflushedSince == 0) {
                    unflushedSince = System.nanoTime();
                }
                long wait = endToSend ? 0 : window - (System.nanoTime() - unflushedSince);
                if (wait > 0) {
                    Runnable next = pollFor(wait);
                    if (next != null) {
                        batch.add(next);
                        continue;
                    }
                }
                unflushedSince = 0;
                endToSend = false;
                try {
                    store.flush();
                } catch (RuntimeException | LinkageError e) {
                    failed(e);
                }
            }
        }
    }

    private Runnable pollFor(long nanos) {
        try {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return null;
        }
    }
}
