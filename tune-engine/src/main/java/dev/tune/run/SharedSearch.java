package dev.tune.run;

import dev.tune.Config;
import dev.tune.options.TuneOption;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.RungValues;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerAction;
import dev.tune.schedule.SchedulerView;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.store.SharedRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This worker's searcher and scheduler as replicas of every worker's, kept up to date from the
 * shared experiment's log: other workers' trials, results and ends reach them as the log brings
 * them, so TPE's constant liar counts other workers' running trials and ASHA's rungs hold every
 * worker's results. Two ways to follow the log, one class each: {@link FreeSearch}, the default,
 * suggests and decides on what this worker has read, its own events first, as Optuna's samplers
 * and pruners do on shared storage; {@link LogOrderedSearch} follows the log in one order on every
 * worker, so suggestion k depends only on the seed and the events before it
 * ({@code tune.storage.reproducible}, and the schedulers whose replicas must decide alike).
 * Claims come from the {@link ClaimAhead} thread, decisions from trial threads; replays happen
 * under the shared run's lock and this object's monitor, so the replicas see one event at a time.
 */
abstract class SharedSearch implements SharedRun.Replica {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSearch.class);

    final SharedRun shared;
    private final Function<Scheduler, Searcher> searchers;
    private final Supplier<Scheduler> schedulers;
    volatile Searcher searcher;
    volatile Scheduler scheduler;
    final boolean seesResults;
    private boolean finished;
    private final Map<Integer, LiveTrial> claimed = new HashMap<>();
    private String stopped;
    /** This worker's trials: the ones a scheduler may pause and resume here. */
    final Set<String> mine = ConcurrentHashMap.newKeySet();
    /** PBT's donors as the log describes them. */
    final Donors donors = new Donors();
    /** What the scheduler asked of this worker's trials, from its decisions here; guarded by this. */
    private final List<SchedulerAction> asked = new ArrayList<>();
    /** Whether the last claim found the searcher done: no trial will be added any more. */
    volatile boolean searchDone;

    /**
     * The started replicas; {@code schedulers}, then {@code searchers} given it, make fresh ones for
     * {@link #rebuild}.
     */
    SharedSearch(SharedRun shared, Searcher searcher, Scheduler scheduler, Function<Scheduler, Searcher> searchers,
            Supplier<Scheduler> schedulers) {
        this.shared = shared;
        this.searcher = searcher;
        this.scheduler = scheduler;
        this.searchers = searchers;
        this.schedulers = schedulers;
        this.seesResults = searcher.readsResults();
    }

    /** The replicas for {@code plan}: log-ordered when {@link #ordered(RunPlan)}, else free. */
    static SharedSearch of(RunPlan plan, SharedRun shared, Supplier<Scheduler> schedulers) {
        return ordered(plan)
                ? new LogOrderedSearch(shared, plan.searcher(), plan.scheduler(), plan::startedSearcher, schedulers)
                : new FreeSearch(shared, plan.searcher(), plan.scheduler(), plan::startedSearcher, schedulers,
                        plan.name());
    }

    /**
     * True when every worker's searcher and scheduler follow the shared log in one order: with
     * {@code tune.storage.reproducible}, and for schedulers whose replicas must decide alike at the
     * same places in the log (HyperBand's brackets wait for each other; PBT's exploits name donors
     * on other workers and its paused trials stay with their worker).
     */
    static boolean ordered(RunPlan plan) {
        Scheduler scheduler = plan.scheduler();
        return plan.options().resolve(TuneOption.STORAGE_REPRODUCIBLE) || scheduler.needsBarrier()
                || scheduler.pausedTrialsStayOnWorker();
    }

    /** Why another worker stopped the experiment for all, once a claim found it stopped. */
    Optional<String> stopped() {
        return Optional.ofNullable(stopped);
    }

    /** Makes the live trial for a new suggestion, not yet one of the book's: the claim may still fail. */
    interface NewTrial {
        LiveTrial register(String id, int number, Config config);
    }

    /**
     * Claims a trial of the shared experiment: one a lost worker left ({@code adopt} makes it
     * live), or a new one from the searcher. Null when there is none now: the searcher waits or is
     * done. {@code wanted}: how many the worker has room for (a positional claim may land that many
     * at once, and hands the rest out next); {@code soon}: the worker claims trials ahead of its
     * slots, so another claim follows this one.
     */
    LiveTrial claim(String tag, int wanted, boolean soon, NewTrial create, UnaryOperator<LiveTrial> track,
            Function<Trial, LiveTrial> adopt) {
        claimed.clear();
        boolean positional = positional();
        SharedRun.Claim claim = shared.claim(this, new SharedRun.Suggester() {
            @Override
            public SharedRun.Claim suggest(int number) {
                if (finished) {
                    return new SharedRun.Claim.Finished();
                }
                String id = Naming.trialId(tag, number);
                Suggestion suggestion = positional ? searcher.suggestionAt(number - 1L).orElseThrow()
                        : suggestion(id, number);
                if (suggestion.isFinished()) {
                    finished = !positional; // a positional searcher may be asked past its end, then before it again
                    return new SharedRun.Claim.Finished();
                }
                if (suggestion.isNotNow()) {
                    return new SharedRun.Claim.NotNow();
                }
                LiveTrial trial = create.register(id, number, suggestion.config().orElseThrow());
                claimed.put(number, trial);
                return new SharedRun.Claim.Added(trial.identity());
            }

            @Override
            public boolean positional() {
                return positional;
            }

            @Override
            public int wanted() {
                return wanted;
            }

            @Override
            public boolean claimsAgainSoon() {
                return soon;
            }

            @Override
            public boolean ordered() {
                return SharedSearch.this.ordered() || searcher.suggestsAlike();
            }
        });
        if (claim instanceof SharedRun.Claim.Stopped stop) {
            stopped = stop.reason();
        }
        searchDone = claim instanceof SharedRun.Claim.Finished;
        if (claim instanceof SharedRun.Claim.TakenOver lost) {
            LOG.info("Taking over trial {}: its worker was lost or had no free slot for it", lost.trial().name());
            own(lost.trial().id());
            return adopt.apply(lost.trial());
        }
        if (claim instanceof SharedRun.Claim.Added added) {
            own(added.trial().id());
            return track.apply(claimed.get(added.trial().number()));
        }
        return null;
    }

    /** The searcher's suggestion for a new trial {@code id}, the experiment's trial {@code number}. */
    abstract Suggestion suggestion(String id, int number);

    /** True when the replicas follow the log in one order on every worker. */
    abstract boolean ordered();

    /** True when this worker's results go to the replica as they come: to decide on them, or for the searcher. */
    abstract boolean hearsResults();

    /** The scheduler's decision on this worker's {@code result}. */
    abstract Decision decide(Trial trial, Result result);

    /** This worker started {@code trial}. */
    abstract void addedHere(Trial trial);

    /** This worker's {@code trial} ended. */
    abstract void endedHere(Trial trial);

    /** The scheduler's decisions on this worker's paused trials. */
    abstract Map<String, Decision> decidePaused(boolean quiet);

    /** True when a paused trial keeps its slot. */
    abstract boolean pausedKeepSlots();

    /** Trials still to be added that a scheduler waits for at a boundary. */
    abstract int waitingTrials();

    /** True when resumed trials with no slot on this worker go to another. */
    abstract boolean handsOver();

    /** This worker hands {@code trial} back to the shared experiment: another worker decides for it now. */
    abstract void disown(LiveTrial trial);

    /**
     * With nothing more to come and this worker's trials all paused at a barrier: whether the
     * scheduler decides on paused trials now. False when there is no barrier.
     */
    abstract boolean decideQuiet();

    /** True when the searcher's suggestions depend only on their position (trial number - 1). */
    boolean positional() {
        return searcher.positional();
    }

    /**
     * True when a trial may be suggested before this worker's running trials end
     * ({@link Searcher#suggestsAhead}), with the replicas followed freely: log-ordered ones are asked
     * at the head of the log, when a slot frees.
     */
    boolean suggestsAhead() {
        return !ordered() && searcher.suggestsAhead();
    }

    /** Stops what follows the log for this worker; it has stopped claiming and deciding. */
    void close() {
    }

    /** How many trials other workers run now, as this worker has read the log; 0 when not followed. */
    int othersRunning() {
        return 0;
    }

    /** True when the searcher learns from results. */
    boolean modelBased() {
        return !positional();
    }

    /**
     * Reads what the log holds that this replica has not heard, when claims do not: for positional
     * searchers, and when paused trials wait for other workers' (HyperBand, synchronous PBT).
     */
    void catchUp() {
        if (positional() || !pausedKeepSlots()) {
            shared.catchUp(this);
        }
    }

    /** Notes a trial of this worker's, for a scheduler that hears of ends (else the set would only grow). */
    final void own(String trialId) {
        if (readsEvents()) {
            mine.add(trialId);
        }
    }

    /** True when claims ahead should stop: the trials left would all be held ahead ({@link SharedRun#nearTheEnd}). */
    boolean nearTheEnd(int heldAheadPerWorker) {
        return shared.nearTheEnd(heldAheadPerWorker);
    }

    /** True when this worker runs the trial (claimed or took it over here, and it has not ended). */
    boolean runsHere(String trialId) {
        return mine.contains(trialId);
    }

    /**
     * True when the log holds a checkpoint of the live trial: the same answer on every worker at one
     * point of the log.
     */
    boolean hasCheckpoint(String trialId) {
        return donors.hasCheckpoint(trialId);
    }

    /**
     * Another worker's trial as the log describes it now, with its checkpoints: what an exploit
     * copies. Reads the log first, so a checkpoint written since the decision counts.
     */
    Optional<Trial> elsewhere(String trialId) {
        shared.catchUp(this);
        Optional<Trial> donor = donors.donor(trialId);
        // written on another machine: from the database
        donor.flatMap(Trial::latestCheckpoint).ifPresent(shared::fetch);
        return donor;
    }

    /**
     * What the scheduler asked of this worker's trials since last asked; what replays of others'
     * results asked is dropped.
     */
    synchronized List<SchedulerAction> actions() {
        List<SchedulerAction> taken = List.copyOf(asked);
        asked.clear();
        return taken;
    }

    /**
     * Keeps what the scheduler asked of this worker's trials and drops the rest: each worker acts
     * on its own, and hears what was asked of the others' where its own replica asks it (PBT's
     * asynchronous answer to another worker's result is that worker's; a synchronous round asks of
     * every worker's trials at once).
     */
    final void keepMine() {
        for (SchedulerAction action : scheduler.actions()) {
            if (mine.contains(action.trialId())) {
                asked.add(action);
                if (action instanceof SchedulerAction.Exploit exploit) {
                    donors.chosen(exploit.donorId());
                }
            }
        }
    }

    /** Tells the searcher (when it reads results) and the scheduler a result; the scheduler's decision. */
    final Decision tell(Supplier<Trial> trial, Result result) {
        if (seesResults) {
            searcher.onTrialResult(trial.get(), result);
        }
        donors.reached(result.trialId(), result.iteration());
        Decision decision = scheduler.onTrialResult(result);
        keepMine();
        return decision;
    }

    /** Tells the searcher and the scheduler an end. */
    final void tellEnd(Trial trial) {
        mine.remove(trial.id());
        donors.ended(trial.id());
        searcher.onTrialComplete(trial);
        scheduler.onTrialComplete(trial);
        keepMine();
    }

    @Override
    public synchronized void rebuild() {
        donors.clear();
        scheduler = schedulers.get();
        searcher = searchers.apply(scheduler);
        finished = false;
    }

    @Override
    public boolean readsEvents() {
        return !positional() || seesResults || readsOthersResults();
    }

    @Override
    public boolean readsResults() {
        return seesResults || readsOthersResults();
    }

    @Override
    public void checkpoint(Trial trial) {
        donors.checkpoint(trial);
    }

    /**
     * Where ASHA keeps its rungs for every worker ({@link SchedulerView#sharedRungs}); empty when
     * the replicas follow the log in one order and decide alike on it.
     */
    Optional<RungValues> sharedRungs() {
        return Optional.empty();
    }

    /**
     * True when the scheduler decides on every worker's results, read from the log: not FIFO, and
     * not ASHA when the rungs are the database's (the replicas do not follow the log in one order).
     */
    final boolean readsOthersResults() {
        return readsOthersResults(scheduler, ordered());
    }

    /** The same for {@code scheduler}, when the replicas follow the log in one order ({@code ordered}) or not. */
    static boolean readsOthersResults(Scheduler scheduler, boolean ordered) {
        return scheduler.decidesOnResults() && !(scheduler.decidesAtRungs() && !ordered);
    }

    /** True when results need the scheduler's decision; FIFO decides nothing. */
    boolean decides() {
        return scheduler.decidesOnResults();
    }
}
