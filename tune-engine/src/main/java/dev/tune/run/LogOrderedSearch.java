package dev.tune.run;

import dev.tune.Config;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.store.SharedRun;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicas that follow the shared log in one order on every worker, their own events included: a
 * trial another worker added is replayed as a suggestion, so suggestion k depends only on the seed
 * and the events before it, as on one machine; a new trial is suggested, and a result decided,
 * at the head of the log, under the experiment's lock. Workers therefore suggest and decide one at
 * a time. Used with {@code tune.storage.reproducible}, and for schedulers whose replicas must
 * decide alike at the same places in the log: synchronous HyperBand (every replica asks it about
 * paused trials after each result and end, and each worker acts on its own) and PBT (its paused
 * trials stay with their worker; an exploit copies a donor's checkpoint from any worker).
 */
final class LogOrderedSearch extends SharedSearch {

    private static final Logger LOG = LoggerFactory.getLogger(LogOrderedSearch.class);

    private boolean warned;
    /**
     * A barrier scheduler's decisions on this worker's paused trials, made at their place in the log;
     * guarded by this.
     */
    private Map<String, Decision> decided = new LinkedHashMap<>();
    private int added; // trials the log added: the same on every replica at one point of the log

    LogOrderedSearch(SharedRun shared, Searcher searcher, Scheduler scheduler, Function<Scheduler, Searcher> searchers,
            Supplier<Scheduler> schedulers) {
        super(shared, searcher, scheduler, searchers, schedulers);
    }

    /** Asked at the head of the log, under the shared run's lock, after every event before it. */
    @Override
    Suggestion suggestion(String id, int number) {
        return searcher.suggest(id);
    }

    @Override
    boolean ordered() {
        return true;
    }

    @Override
    boolean hearsResults() {
        return decides();
    }

    /** The scheduler's decision on this worker's {@code result}, made at the head of the shared log. */
    @Override
    Decision decide(Trial trial, Result result) {
        return shared.decide(this, trial.number(), result, () -> {
            synchronized (this) {
                Decision decision = tell(() -> trial, result);
                settle(false);
                return decision;
            }
        });
    }

    @Override
    void addedHere(Trial trial) {
        // heard from the log, in its order
    }

    @Override
    void endedHere(Trial trial) {
        // heard from the log, in its order
    }

    /**
     * True when the scheduler holds paused trials until others reach a boundary and each worker
     * resumes its own (synchronous HyperBand).
     */
    private boolean barrier() {
        return scheduler.needsBarrier() && !scheduler.pausedTrialsStayOnWorker();
    }

    /**
     * The scheduler's decisions on paused trials; only this worker's own trials are paused here. A
     * barrier scheduler's were made where the log brought them ({@link #settle}); the rest decide now.
     */
    @Override
    synchronized Map<String, Decision> decidePaused(boolean quiet) {
        if (barrier()) {
            Map<String, Decision> taken = decided;
            decided = new LinkedHashMap<>();
            return taken;
        }
        Map<String, Decision> decisions = scheduler.decidePaused(quiet);
        keepMine();
        return decisions;
    }

    /**
     * True when a paused trial keeps its slot (asynchronous PBT's trials take turns here); those of
     * a scheduler that waits for every worker's trials at a boundary (HyperBand, synchronous PBT)
     * free theirs, so new trials fill the population while they wait.
     */
    @Override
    boolean pausedKeepSlots() {
        return !scheduler.needsBarrier();
    }

    /**
     * Trials still to be added, as the log counts them ({@code samples} less those added): what
     * synchronous PBT waits for at a boundary. None for others, fed by claims for free slots.
     */
    @Override
    int waitingTrials() {
        return scheduler.needsBarrier() && scheduler.pausedTrialsStayOnWorker()
                ? Math.max(0, shared.info().samples() - added) : 0; // none counted when unbounded (-1)
    }

    /** HyperBand once every trial was added: a resumed trial with no slot on its worker goes to another. */
    @Override
    synchronized boolean handsOver() {
        return barrier() && (searchDone || shared.info().samples() > 0 && added >= shared.info().samples());
    }

    @Override
    synchronized void disown(LiveTrial trial) {
        LOG.info("Handing trial {} over to a worker with a free slot: none is free here", trial.trialName());
        mine.remove(trial.id);
        decided.remove(trial.id);
    }

    /**
     * Asks a barrier scheduler about paused trials here in the log; keeps this worker's decisions.
     * True when it decided.
     */
    private boolean settle(boolean quiet) {
        if (!barrier()) {
            return false;
        }
        Map<String, Decision> decisions = scheduler.decidePaused(quiet);
        decisions.entrySet().stream().filter(e -> mine.contains(e.getKey()))
                .forEach(e -> decided.put(e.getKey(), e.getValue()));
        keepMine();
        return !decisions.isEmpty();
    }

    /**
     * With nothing more to come (the searcher is done) and this worker's trials all paused: asks,
     * at the head of the log, whether the scheduler decides on paused trials now, and marks the
     * place for every replica when it does. False when the searcher may still add trials.
     */
    @Override
    boolean decideQuiet() {
        return barrier() && searchDone && shared.decideQuiet(this, () -> {
            synchronized (this) {
                return settle(true);
            }
        });
    }

    @Override
    public synchronized void quiet() {
        settle(true);
    }

    @Override
    public synchronized void rebuild() {
        super.rebuild();
        warned = false;
        decided.clear();
        added = 0;
    }

    @Override
    public synchronized void added(Trial trial, boolean own) {
        added++;
        if (!own && !positional()) {
            replaySuggestion(trial.id(), trial.number(), trial.config()); // a positional one needs no replay
        }
        if (own) {
            own(trial.id());
        }
        scheduler.onTrialAdd(trial);
    }

    private void replaySuggestion(String trialId, int number, Config config) {
        Config replayed = searcher.suggest(trialId).config().orElse(null);
        if (!LoggedConfigs.same(config, replayed) && !warned) {
            warned = true;
            LOG.warn("Searcher {} replayed trial {} with another config than the worker that added it ({} here,"
                    + " {} recorded): it is not deterministic, so workers' searches drift apart; the recorded"
                    + " config stands", searcher, number, replayed, config);
        }
    }

    @Override
    public synchronized void result(Supplier<Trial> trial, Result result) {
        tell(trial, result); // its owner decided on it already
        settle(false);
    }

    @Override
    public synchronized void ended(Trial trial) {
        tellEnd(trial);
        settle(false);
    }
}
