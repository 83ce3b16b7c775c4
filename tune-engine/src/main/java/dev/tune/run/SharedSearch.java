package dev.tune.run;

import dev.tune.Config;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerAction;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.store.SharedRun;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This worker's searcher and scheduler as replicas of every worker's: it learns only from the shared
 * experiment's log, in log order, where every worker reads the same events. A trial another
 * worker added is replayed as a suggestion (so suggestion k depends on the seed, k and the events
 * before it, as on one machine); results reach a searcher that reads them; ends are told as they
 * come. Running trials of other workers are thus running trials of the replica, which TPE's
 * constant liar counts. The scheduler hears every add, result and end the same way, and decides
 * on this worker's results at the head of the log ({@link #decide}), so ASHA's rungs and the
 * median rule's curves hold every worker's results. Claims come from the {@link ClaimAhead}
 * thread, decisions from trial threads; the shared run's lock orders them, and replays happen
 * under it, so the replicas see one event at a time.
 */
final class SharedSearch implements SharedRun.Replica {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSearch.class);

    private final SharedRun shared;
    private final Function<Scheduler, Searcher> searchers;
    private final Supplier<Scheduler> schedulers;
    private volatile Searcher searcher;
    private volatile Scheduler scheduler;
    private final boolean seesResults;
    /** Whether the searcher's suggestions depend only on their position; asked once it has started. */
    private volatile Boolean positional;
    private boolean finished;
    private boolean warned;
    private final java.util.Map<Integer, LiveTrial> claimed = new java.util.HashMap<>();
    private String stopped;
    /** This worker's trials: the ones a scheduler may pause and resume here. */
    private final java.util.Set<String> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** PBT's donors as the log describes them. */
    private final Donors donors = new Donors();
    /** What the scheduler asked of this worker's trials, from its decisions here; guarded by this. */
    private final java.util.List<SchedulerAction> asked = new java.util.ArrayList<>();
    /** A barrier scheduler's decisions on this worker's paused trials, made at their place in the log; guarded by this. */
    private java.util.Map<String, Decision> decided = new java.util.LinkedHashMap<>();
    /** Whether the last claim found the searcher done: no trial will be added any more. */
    private volatile boolean searchDone;
    private int added; // trials the log added: the same on every replica at one point of the log
    /** True when the replicas follow the log in its order ({@link #ordered(RunPlan)}); false: each worker's own events first. */
    private final boolean ordered;
    /** Trials the scheduler heard were added, when not in log order: a trial taken over was heard already. */
    private final java.util.Set<String> heard = new java.util.HashSet<>();
    /** How stale this worker's reading of the log may be when it decides on a result, unless ordered. */
    static final long FRESH_NANOS = 20_000_000;

    /** The started replicas; {@code schedulers}, then {@code searchers} given it, make fresh ones for {@link #rebuild}. */
    SharedSearch(SharedRun shared, Searcher searcher, Scheduler scheduler, Function<Scheduler, Searcher> searchers,
            Supplier<Scheduler> schedulers, boolean seesResults, boolean ordered) {
        this.ordered = ordered;
        this.shared = shared;
        this.searcher = searcher;
        this.scheduler = scheduler;
        this.searchers = searchers;
        this.schedulers = schedulers;
        this.seesResults = seesResults;
    }

    /** Why another worker stopped the experiment for all, once a claim found it stopped. */
    java.util.Optional<String> stopped() {
        return java.util.Optional.ofNullable(stopped);
    }

    /** Makes the live trial for a new suggestion, not yet one of the book's: the claim may still fail. */
    interface NewTrial {
        LiveTrial register(String id, int number, Config config);
    }

    /**
     * Claims a trial of the shared experiment: one a lost worker left ({@code adopt} makes it
     * live), or a new one from the searcher once it replayed every worker's events. Null when there
     * is none now: the searcher waits or is done. {@code wanted}: how many the worker has room for
     * (a positional claim may land that many at once, and hands the rest out next).
     */
    LiveTrial claim(String tag, int wanted, NewTrial create, java.util.function.UnaryOperator<LiveTrial> track,
            java.util.function.Function<Trial, LiveTrial> adopt) {
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
                        : ordered ? searcher.suggest(id) : suggestFree(id, number);
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
            public boolean ordered() {
                return ordered;
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

    /** Asks the searcher for trial {@code number} on what this worker has read, with no lock of the experiment's held. */
    private synchronized Suggestion suggestFree(String id, int number) {
        return searcher.suggest(id, number);
    }

    /**
     * True when every worker's searcher and scheduler follow the shared log in its order: with
     * {@code tune.storage.reproducible}, and for schedulers whose replicas must decide alike at the
     * same places in the log (HyperBand's brackets wait for each other; PBT's exploits name donors
     * on other workers). Otherwise each worker suggests and decides on what it has read, its own
     * events first, as Optuna's samplers and pruners do on shared storage.
     */
    static boolean ordered(RunPlan plan) {
        return plan.options().resolve(dev.tune.options.TuneOption.STORAGE_REPRODUCIBLE)
                || plan.scheduler() instanceof dev.tune.schedule.HyperBandScheduler
                || plan.scheduler() instanceof dev.tune.schedule.PopulationBasedTraining;
    }

    /** True when the replicas follow the log in its order. */
    boolean ordered() {
        return ordered;
    }

    /** True when this worker's results go to the replica as they come: to decide on them, or for the searcher. */
    boolean hearsResults() {
        return ordered ? decides() : decides() || seesResults;
    }

    @Override
    public boolean hearsOwnDirectly() {
        return !ordered;
    }

    /** This worker started {@code trial}: the scheduler hears of it now, unless it follows the log. */
    void addedHere(Trial trial) {
        if (!ordered) {
            synchronized (this) {
                if (heard.add(trial.id())) {
                    scheduler.onTrialAdd(trial);
                }
            }
        }
    }

    /** This worker's {@code trial} ended: the searcher and scheduler hear of it now, unless they follow the log. */
    void endedHere(Trial trial) {
        if (!ordered) {
            synchronized (this) {
                mine.remove(trial.id());
                donors.ended(trial.id());
                searcher.onTrialComplete(trial);
                scheduler.onTrialComplete(trial);
                keepMine();
            }
        }
    }

    /** True when the searcher's suggestions depend only on their position (trial number - 1). */
    private boolean positional() {
        Boolean known = positional; // one read: a rebuild may reset the field meanwhile
        if (known == null) {
            known = positional(searcher);
            positional = known;
        }
        return known;
    }

    /** True when the searcher learns from results: its claims should see this worker's ends first. */
    boolean modelBased() {
        return !positional();
    }

    /** True when a started searcher's suggestions depend only on their position: it reads no results. */
    static boolean positional(Searcher searcher) {
        return searcher.suggestionAt(0).isPresent();
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
    private void own(String trialId) {
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

    /** True when the log holds a checkpoint of the live trial: the same answer on every worker at one point of the log. */
    boolean hasCheckpoint(String trialId) {
        return donors.hasCheckpoint(trialId);
    }

    /**
     * Another worker's trial as the log describes it now, with its checkpoints: what an exploit
     * copies. Reads the log first, so a checkpoint written since the decision counts.
     */
    java.util.Optional<Trial> elsewhere(String trialId) {
        shared.catchUp(this);
        java.util.Optional<Trial> donor = donors.donor(trialId);
        donor.flatMap(Trial::latestCheckpoint).ifPresent(shared::fetch); // written on another machine: from the database
        return donor;
    }

    /**
     * The scheduler's decisions on paused trials; only this worker's own trials are paused here. A
     * barrier scheduler's were made where the log brought them ({@link #settle}); the rest decide now.
     */
    synchronized java.util.Map<String, Decision> decidePaused(boolean quiet) {
        if (barrier()) {
            java.util.Map<String, Decision> taken = decided;
            decided = new java.util.LinkedHashMap<>();
            return taken;
        }
        java.util.Map<String, Decision> decisions = scheduler.decidePaused(quiet);
        keepMine();
        return decisions;
    }

    /** What the scheduler asked of this worker's trials since last asked; what replays of other workers' results asked is dropped. */
    synchronized java.util.List<SchedulerAction> actions() {
        java.util.List<SchedulerAction> taken = java.util.List.copyOf(asked);
        asked.clear();
        return taken;
    }

    /** HyperBand once every trial was added: a resumed trial with no slot on its worker goes to another. */
    synchronized boolean handsOver() {
        return barrier() && (searchDone || added >= shared.info().samples());
    }

    /** This worker hands {@code trial} back to the shared experiment: another worker decides for it now. */
    synchronized void disown(LiveTrial trial) {
        LOG.info("Handing trial {} over to a worker with a free slot: none is free here", trial.trialName());
        mine.remove(trial.id);
        decided.remove(trial.id);
    }

    /**
     * True when the scheduler holds paused trials until others reach a boundary (synchronous
     * HyperBand): every replica then asks it about paused trials at the same places in the log,
     * after each result and end, so all decide alike; each worker acts on its own trials.
     */
    private boolean barrier() {
        return scheduler instanceof dev.tune.schedule.HyperBandScheduler;
    }

    /**
     * True when a paused trial keeps its slot (asynchronous PBT's trials take turns here); those of
     * a scheduler that waits for every worker's trials at a boundary (HyperBand, synchronous PBT)
     * free theirs, so new trials fill the population while they wait.
     */
    boolean pausedKeepSlots() {
        return !barrier() && !(scheduler instanceof dev.tune.schedule.PopulationBasedTraining pbt && pbt.synchronous());
    }

    /**
     * Trials still to be added, as the log counts them ({@code samples} less those added): what
     * synchronous PBT waits for at a boundary. None for others, fed by claims for free slots.
     */
    int waitingTrials() {
        return pausedKeepSlots() || barrier() ? 0 : Math.max(0, shared.info().samples() - added);
    }

    /** Asks a barrier scheduler about paused trials here in the log; keeps this worker's decisions. True when it decided. */
    private boolean settle(boolean quiet) {
        if (!barrier()) {
            return false;
        }
        java.util.Map<String, Decision> decisions = scheduler.decidePaused(quiet);
        decisions.entrySet().stream().filter(e -> mine.contains(e.getKey())).forEach(e -> decided.put(e.getKey(),
                e.getValue()));
        keepMine();
        return !decisions.isEmpty();
    }

    /**
     * With nothing more to come (the searcher is done) and this worker's trials all paused: asks,
     * at the head of the log, whether the scheduler decides on paused trials now, and marks the
     * place for every replica when it does. False when the searcher may still add trials.
     */
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

    /**
     * Keeps what the scheduler asked of this worker's trials and drops the rest: each worker acts
     * on its own, and hears what was asked of the others' where its own replica asks it (PBT's
     * asynchronous answer to another worker's result is that worker's; a synchronous round asks of
     * every worker's trials at once).
     */
    private void keepMine() {
        for (SchedulerAction action : scheduler.actions()) {
            if (mine.contains(action.trialId())) {
                asked.add(action);
                if (action instanceof SchedulerAction.Exploit exploit) {
                    donors.chosen(exploit.donorId());
                }
            }
        }
    }

    @Override
    public synchronized void rebuild() {
        donors.clear();
        scheduler = schedulers.get();
        searcher = searchers.apply(scheduler);
        positional = null;
        finished = false;
        warned = false;
        decided.clear();
        added = 0;
    }

    @Override
    public synchronized void added(Trial trial, boolean own) {
        added++;
        if (!own && !positional()) { // a positional searcher needs to hear nothing
            if (ordered) {
                replaySuggestion(trial.id(), trial.number(), trial.config());
            } else {
                searcher.onTrialAdded(trial);
            }
        }
        if (own) {
            own(trial.id());
        }
        if (ordered || heard.add(trial.id())) {
            scheduler.onTrialAdd(trial);
        }
    }

    @Override
    public boolean readsEvents() {
        return !positional() || seesResults || decides();
    }

    @Override
    public boolean readsResults() {
        return seesResults || decides();
    }

    @Override
    public void checkpoint(Trial trial) {
        donors.checkpoint(trial);
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
    public synchronized void result(Trial trial, Result result) {
        if (seesResults) {
            searcher.onTrialResult(trial, result);
        }
        donors.reached(trial.id(), result.iteration());
        scheduler.onTrialResult(result); // its owner decided on it already
        keepMine();
        settle(false);
    }

    @Override
    public synchronized void ended(Trial trial) {
        mine.remove(trial.id());
        donors.ended(trial.id());
        searcher.onTrialComplete(trial);
        scheduler.onTrialComplete(trial);
        keepMine();
        settle(false);
    }

    /** True when results need the scheduler's decision from the log; FIFO decides nothing. */
    boolean decides() {
        return decides(scheduler);
    }

    static boolean decides(Scheduler scheduler) {
        return !(scheduler instanceof dev.tune.schedule.FifoScheduler);
    }

    /** The scheduler's decision on this worker's {@code result}, made at the head of the shared log. */
    Decision decide(Trial trial, Result result) {
        if (!ordered) {
            shared.catchUp(this, FRESH_NANOS); // the others' results, read at most a moment ago
            synchronized (this) {
                if (seesResults) {
                    searcher.onTrialResult(trial, result);
                }
                donors.reached(trial.id(), result.iteration());
                Decision decision = scheduler.onTrialResult(result);
                keepMine();
                return decision;
            }
        }
        return shared.decide(this, trial.number(), result, () -> {
            synchronized (this) {
                if (seesResults) {
                    searcher.onTrialResult(trial, result);
                }
                donors.reached(trial.id(), result.iteration());
                Decision decision = scheduler.onTrialResult(result);
                keepMine();
                settle(false);
                return decision;
            }
        });
    }
}
