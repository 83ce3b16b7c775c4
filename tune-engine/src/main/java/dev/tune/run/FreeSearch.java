package dev.tune.run;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.RungValues;
import dev.tune.schedule.Scheduler;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.store.SharedRun;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The default way a worker follows a shared experiment, as Optuna's samplers and pruners follow
 * shared storage: its searcher suggests outside any lock, on what this worker has read of the log,
 * for the trial number it took; another worker's trial reaches the searcher as running
 * ({@link Searcher#onTrialAdded}); and the scheduler decides on this worker's results at once, with
 * the others' results as last read, a reading older than {@link #FRESH_NANOS} being renewed in the
 * background. This worker's own adds, results and ends reach the replicas as they happen, not
 * again from the log. Workers then never wait for each other to suggest or decide; two runs with
 * one seed may differ, as the workers' timing does.
 */
final class FreeSearch extends SharedSearch {

    /** How stale this worker's reading of the log may grow before a decision asks for a fresh one. */
    static final long FRESH_NANOS = 20_000_000;
    /** A reading this old is renewed before the decision, the trial waiting: the first ones, or after a pause. */
    static final long STALE_NANOS = 1_000_000_000;

    /** Trials the scheduler heard were added: a trial taken over was heard already, from the log. */
    private final Set<String> heard = new HashSet<>();
    /** Other workers' trials added and not ended, as read from the log. */
    private final Set<String> others = ConcurrentHashMap.newKeySet();

    private final String name;
    /** Reads the log off the trial threads for decisions; started by the first decision. */
    private LogFollower follower;
    /** ASHA's rungs, as the database keeps them for every worker; made when the scheduler starts. */
    private SharedRungs rungs;
    private boolean closed;

    FreeSearch(SharedRun shared, Searcher searcher, Scheduler scheduler, Function<Scheduler, Searcher> searchers,
            Supplier<Scheduler> schedulers, String name) {
        super(shared, searcher, scheduler, searchers, schedulers);
        this.name = name;
    }

    /** Asks the searcher for trial {@code number} on what this worker has read; no lock of the experiment's is held. */
    @Override
    synchronized Suggestion suggestion(String id, int number) {
        return searcher.suggest(id, number);
    }

    @Override
    boolean ordered() {
        return false;
    }

    /** The experiment's rungs in its database: each worker decides on every worker's values without their results. */
    @Override
    synchronized Optional<RungValues> sharedRungs() {
        if (rungs == null) {
            rungs = new SharedRungs(shared, name);
        }
        return Optional.of(rungs);
    }

    @Override
    boolean hearsResults() {
        return decides() || seesResults;
    }

    @Override
    public boolean hearsOwnDirectly() {
        return true;
    }

    /**
     * Decides on what this worker read of the others' results, at once; a reading older than
     * {@link #FRESH_NANOS} is renewed in the background ({@link LogFollower}) for the next decisions,
     * one older than {@link #STALE_NANOS} before this one.
     */
    @Override
    Decision decide(Trial trial, Result result) {
        LogFollower reads;
        synchronized (this) {
            if (!readsOthersResults()) {
                return tell(() -> trial, result); // ASHA: its rungs are the database's
            }
            if (follower == null && !closed) {
                follower = LogFollower.start(shared, this, FRESH_NANOS, name);
            }
            reads = follower;
        }
        if (reads != null) {
            reads.freshen(STALE_NANOS);
        }
        synchronized (this) {
            return tell(() -> trial, result);
        }
    }

    @Override
    void close() {
        LogFollower reads;
        SharedRungs sending;
        synchronized (this) {
            closed = true;
            reads = follower;
            sending = rungs;
        }
        if (reads != null) {
            reads.close();
        }
        if (sending != null) {
            sending.close();
        }
    }

    @Override
    synchronized void addedHere(Trial trial) {
        if (heard.add(trial.id())) {
            scheduler.onTrialAdd(trial);
        }
    }

    @Override
    synchronized void endedHere(Trial trial) {
        others.remove(trial.id()); // one this worker took over
        tellEnd(trial);
    }

    @Override
    synchronized Map<String, Decision> decidePaused(boolean quiet) {
        Map<String, Decision> decisions = scheduler.decidePaused(quiet);
        keepMine();
        return decisions;
    }

    @Override
    boolean pausedKeepSlots() {
        return true;
    }

    @Override
    int waitingTrials() {
        return 0;
    }

    @Override
    boolean handsOver() {
        return false;
    }

    @Override
    void disown(LiveTrial trial) {
        throw new IllegalStateException("trials are handed over only at a barrier, which log-ordered replicas keep");
    }

    @Override
    boolean decideQuiet() {
        return false;
    }

    /**
     * Another worker's trial: the searcher counts it running, the scheduler hears it added. Own ones
     * are heard here.
     */
    @Override
    public synchronized void added(Trial trial, boolean own) {
        if (own) {
            own(trial.id());
            return;
        }
        if (!positional()) {
            searcher.onTrialAdded(trial);
        }
        others.add(trial.id());
        if (heard.add(trial.id())) {
            scheduler.onTrialAdd(trial);
        }
    }

    @Override
    public synchronized void result(Supplier<Trial> trial, Result result) {
        tell(trial, result); // another worker's: it decided on it already
    }

    @Override
    public synchronized void ended(Trial trial) {
        others.remove(trial.id());
        tellEnd(trial);
    }

    @Override
    int othersRunning() {
        return others.size();
    }
}
