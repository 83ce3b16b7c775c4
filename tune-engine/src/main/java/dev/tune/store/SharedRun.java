package dev.tune.store;

import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One experiment shared by workers on many machines, as one worker sees it: the experiment's
 * first record (so every worker uses the same trial-id tag and seed), the claim of the next trial,
 * the experiment-wide stop, and every worker's trials. Every event of every worker comes back
 * through {@link #claim} in one order, the same for all workers, which is what lets each worker's
 * searcher be an exact replica of the others'.
 */
public interface SharedRun extends AutoCloseable {

    /** The experiment as its first worker recorded it. */
    ExperimentInfo info();

    /** Where the experiment lives and who this worker is, as a person reads it (no password). */
    String where();

    /** When the first worker created the experiment, by the database's clock. */
    Instant createdAt();

    /** Where this worker keeps trial directories and checkpoints. */
    Path trialsRoot();

    /**
     * The store through which this worker records its trials' results, checkpoints and ends;
     * with {@code resultsDecided}, results are left out because {@link #decide} records them.
     * {@code gathering} says which writes wait a few milliseconds for others to go out with them.
     */
    ExperimentStore store(boolean resultsDecided, Gathering gathering);

    /**
     * Which writes wait a few milliseconds for others to go out with them, in one append: fewer
     * takes of the experiment's lock when many slots run short trials. A write that does not wait
     * goes out once the writer is idle.
     */
    enum Gathering {
        /** Every write goes out at once: other workers' searchers read the results as they come. */
        NONE,
        /**
         * Results wait for their trial's end (at most a second) and go out with it: no worker reads
         * them as they come, and a trial's end is in the log before the claim its free slot makes asks a
         * model-based searcher.
         */
        RESULTS,
        /** Every write waits: no searcher reads what the log says (positional searchers). */
        ALL
    }

    /**
     * Records one result of this worker's trial {@code number} at the head of the log, after
     * applying to {@code replica} every event before it, and asks {@code decision} while still
     * holding the experiment's lock: so a scheduler decides on every worker's results, and every
     * replica, replaying the log, sees the result where its owner decided on it.
     */
    <T> T decide(Replica replica, int number, Result result, Supplier<T> decision);

    /**
     * At the head of the log, under the experiment's lock, after applying every event before it to
     * {@code replica}: asks {@code decided} (the scheduler's decision on paused trials with nothing
     * more to come, true when it decided something) and, when it did, appends a
     * {@link StoreEvents#DECIDED} mark, where every other replica asks the same.
     */
    boolean decideQuiet(Replica replica, BooleanSupplier decided);

    /**
     * Applies to {@code replica}, in log order, every event not seen yet, then claims a trial while
     * still holding the experiment's lock: a trial another worker lost (its heartbeat stopped)
     * first, else a new one from {@code suggester}, whose added event is written in the same
     * transaction so every replica sees it at the same place in the log.
     */
    Claim claim(Replica replica, Suggester suggester);

    /**
     * Replays the events this worker has not read yet, unless it read the log less than
     * {@code nanos} ago: what a decision on a result reads first, so that it sees the others'
     * results without a round trip for each of its own.
     */
    default void catchUp(Replica replica, long nanos) {
        catchUp(replica);
    }

    /**
     * Replays the events this worker has not read yet, off the lock: a worker whose claims need
     * no replay ({@link Suggester#positional}) keeps up this way between claims, so a decision
     * or the final result has little left to read.
     */
    void catchUp(Replica replica);

    /**
     * True when so few trials are left to claim that workers holding {@code heldAheadPerWorker}
     * claimed trials each would take them all: claims ahead should stop, so that no worker runs
     * the last trials while another has none. False while not known (the searcher's end or the
     * number of live workers). Asked without the shared run's lock.
     */
    default boolean nearTheEnd(int heldAheadPerWorker) {
        return false;
    }

    /**
     * Makes sure {@code checkpoint}'s files are on this machine before a trial restores from it:
     * one written by a worker on another machine is unpacked from the database when kept there
     * (small checkpoints). False when the files are neither here nor in the database.
     */
    default boolean fetch(SavedCheckpoint checkpoint) {
        return Files.isDirectory(checkpoint.dir());
    }

    /**
     * How many trials are not yet ended, other than this worker's own: running on another worker,
     * waiting to be taken over, or about to be added by another live worker that took its number.
     * This worker's trials are left out: the book knows when they end, and their ends may still be
     * on their way to the store.
     */
    int openTrials();

    /**
     * ASHA's rungs, as the experiment keeps them for every worker: reads the values recorded at
     * any rung from {@code since} on (0: all of them), then records {@code values} (each trial once
     * at a rung: a trial that has a value there keeps it), in one round trip.
     */
    RungRead recordAtRungs(List<RungValue> values, long since);

    /** A trial's value (not NaN) at rung {@code rung} of bracket {@code bracket}. */
    record RungValue(int bracket, int rung, String trialId, double value) {
    }

    /**
     * What a record at the rungs read and did. {@code inserted}: how many of the values given were
     * recorded (fewer when a trial had a value there already, as one taken over from a lost worker
     * has). {@code read}: the values recorded from the read's {@code since} on, some perhaps read
     * before (known by their trial and rung). {@code horizon}: where the next read starts, so that it
     * finds every value this one missed because its transaction was still running.
     */
    record RungRead(int inserted, long horizon, List<RungValue> read) {
    }

    /** Stops the experiment for every worker (time budget, a stopper, fail-fast); the first reason stays. */
    void stop(String reason);

    /** How long ago the first worker created the experiment: its time budget runs from then. */
    default long elapsedNanos() {
        return Math.max(0, Duration.between(createdAt(), Instant.now()).toNanos());
    }

    /** Every worker's trials, as the log describes them now. */
    List<Trial> trials();

    /** Records the experiment's state as this worker saw it at its end (status, counts, best). */
    void saveState(ExperimentState state);

    @Override
    void close();

    /** What a worker's searcher (and later its scheduler) learns from the log. */
    interface Replica {
        /** A replica that learns nothing: for reading the log when the searcher and scheduler are done. */
        Replica NONE = new Replica() {
            @Override
            public void added(Trial trial, boolean own) {
            }

            @Override
            public void result(Supplier<Trial> trial, Result result) {
            }

            @Override
            public void ended(Trial trial) {
            }

            @Override
            public void rebuild() {
            }

            @Override
            public boolean readsEvents() {
                return false;
            }

            @Override
            public boolean readsResults() {
                return false;
            }
        };

        /** A trial was added: by another worker ({@code own} false: replay its suggestion), or by this one. */
        void added(Trial trial, boolean own);

        /**
         * A result of {@code trial}, as the log has it. The trial's view is built only when asked:
         * a replica whose searcher reads no results needs only the result.
         */
        void result(Supplier<Trial> trial, Result result);

        void ended(Trial trial);

        /**
         * False when nothing in the log changes this replica (a searcher whose suggestions depend
         * only on their position, with a scheduler that decides nothing): its calls are then left
         * out, and with them the building of each trial's view.
         */
        default boolean readsEvents() {
            return true;
        }

        /**
         * False when results change nothing here (a searcher that reads none, a scheduler that
         * decides nothing): the worker then reads the log without them, and reads only the results
         * of trials whose end carries no summary, at its end. Asked once, the first time the log is read.
         */
        default boolean readsResults() {
            return true;
        }

        /**
         * True when this worker tells the replica of its own trials' adds, results and ends as
         * they happen, so the log's copies of them are not told again; false when the replica
         * follows the log in its order, its own events included.
         */
        default boolean hearsOwnDirectly() {
            return false;
        }

        /** A live trial saved a checkpoint: {@code trial} has its config and checkpoints so far, not its results. */
        default void checkpoint(Trial trial) {
        }

        /**
         * A worker's scheduler decided on paused trials with nothing more to come ({@link
         * #decideQuiet}): decide the same here.
         */
        default void quiet() {
        }

        /**
         * Start again from an empty state: a claim asked the searcher, then lost the database
         * before its answer reached the log, so the log is replayed from its start into fresh
         * replicas.
         */
        void rebuild();
    }

    /**
     * Asks this worker's searcher for trial {@code number} of the experiment; an {@link Claim.Added}
     * comes back as the trial to record.
     */
    interface Suggester {
        Claim suggest(int number);

        /**
         * True when {@link #suggest} depends only on {@code number} and may be asked again for
         * another (the searcher's suggestions depend only on their position): the claim then
         * needs no replay of the log first, and holds no lock across a round trip.
         */
        default boolean positional() {
            return false;
        }

        /**
         * True when {@link #suggest} must be asked at the head of the log, under the experiment's
         * lock, after every event before it: suggestion k then depends only on the seed and the
         * events before it, on every worker. False: it is asked outside any lock, on what this
         * worker has read, with the trial's number taken first.
         */
        default boolean ordered() {
            return true;
        }

        /**
         * How many trials the worker has room for: a positional claim may land that many at once,
         * and later claims hand out the rest without a statement.
         */
        default int wanted() {
            return 1;
        }

        /**
         * True when the worker claims again right after this claim (it keeps trials claimed ahead
         * of its slots): a free claim then takes the next trial number with this trial's record,
         * in the same statement. False otherwise: a number kept between claims counts towards the
         * samples, and another worker with a free slot could have used it.
         */
        default boolean claimsAgainSoon() {
            return false;
        }
    }

    /** What a claim gives the worker. */
    sealed interface Claim {
        /** A new trial: {@code trial} is its first view (id, number, name, config, directory). */
        record Added(Trial trial) implements Claim {
        }

        /** A trial another worker lost, to run again from its latest checkpoint. */
        record TakenOver(Trial trial) implements Claim {
        }

        /** The searcher wants to wait for running trials. */
        record NotNow() implements Claim {
        }

        /** The searcher has nothing more to propose. */
        record Finished() implements Claim {
        }

        /** A worker stopped the experiment for every worker, for {@code reason}. */
        record Stopped(String reason) implements Claim {
        }
    }
}
