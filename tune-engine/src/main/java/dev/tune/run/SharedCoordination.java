package dev.tune.run;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerView;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import dev.tune.store.SharedRun;
import dev.tune.store.SharedRun.Gathering;
import dev.tune.store.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An experiment this worker shares with others through a database ({@link SharedRun}): trials are
 * claimed there, ahead of need ({@link ClaimAhead}); the searcher and scheduler are replicas that
 * hear every worker's events from the shared log ({@link SharedSearch}); a stop is the
 * experiment's, for every worker; and the result at the end is every worker's trials.
 */
final class SharedCoordination implements Coordination {

    private static final Logger LOG = LoggerFactory.getLogger(SharedCoordination.class);

    private final RunPlan plan;
    private final SharedRun shared;
    private ExperimentStore store;
    private TrialBook book;
    private SharedSearch replica;
    private Scheduler scheduler;
    private volatile ClaimAhead ahead;
    private int ran;

    SharedCoordination(RunPlan plan, SharedRun shared) {
        this.plan = plan;
        this.shared = shared;
    }

    @Override
    public String tag() {
        return shared.info().tag();
    }

    @Override
    public Path trialsRoot() {
        return shared.trialsRoot();
    }

    @Override
    public Optional<Path> resultsDir() {
        return Optional.of(shared.trialsRoot());
    }

    /**
     * The shared run's store, written in the background. Results are left out when the replicas
     * follow the log in its order and decide at its head, which records them; writes are gathered
     * for a searcher whose claims need no replay ({@link SharedRun#store}).
     */
    @Override
    public ExperimentStore store() {
        if (store == null) {
            boolean resultsDecided = SharedSearch.ordered(plan) && plan.scheduler().decidesOnResults();
            store = ExperimentStore.inBackground(shared.store(resultsDecided, gathering()), plan.name());
        }
        return store;
    }

    /**
     * Every write waits for others to go with it when the searcher reads nothing of the log
     * (positional); only results wait when no worker reads them as they come (the searcher reads no
     * results, and the scheduler decides nothing or on the database's rungs); else none waits.
     */
    private Gathering gathering() {
        if (plan.searcher().positional()) {
            return Gathering.ALL;
        }
        boolean othersReadResults = plan.searcher().readsResults()
                || SharedSearch.readsOthersResults(plan.scheduler(), SharedSearch.ordered(plan));
        return othersReadResults ? Gathering.NONE : Gathering.RESULTS;
    }

    @Override
    public void attach(TrialBook book) {
        this.book = book;
        this.replica = SharedSearch.of(plan, shared, () -> plan.startedScheduler(view()));
        this.scheduler = new SharedScheduler(replica, plan.scheduler());
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public SchedulerView view() {
        return new SharedView(book, replica);
    }

    @Override
    public long elapsedNanos() {
        return shared.elapsedNanos();
    }

    /**
     * A trial claimed ahead, if one waits; else waits a while for one. With paused trials that
     * wait at a barrier (HyperBand, synchronous PBT), the decisions the log brought hand them back.
     */
    @Override
    public Next next() throws InterruptedException {
        ahead = ahead != null ? ahead : ClaimAhead.start(book, replica, tag(), trialsRoot());
        LiveTrial trial = ahead.take();
        if (trial != null) {
            return Next.of(book.track(trial));
        }
        if (book.stopAllReason().isPresent()) {
            return Next.DONE;
        }
        boolean barrier = book.hasPaused() && !replica.pausedKeepSlots();
        if (!ahead.await(book.running(), barrier, book::decidePausedAndResumable, shared::openTrials,
                book.deadline())) {
            return Next.DONE;
        }
        return Next.AGAIN;
    }

    @Override
    public int waiting() {
        return replica.waitingTrials();
    }

    @Override
    public Decision decide(LiveTrial trial, Result result, Trial snapshot) {
        return replica.hearsResults() ? replica.decide(trial.identity(), result) : null;
    }

    @Override
    public void slotFreed(LiveTrial trial) {
        if (ahead != null) {
            ahead.ended(trial);
        }
    }

    @Override
    public void ended(Trial snapshot) {
        // the replica hears it through the scheduler ({@link SharedScheduler}) or from the log
    }

    @Override
    public boolean pausedKeepSlots() {
        return replica.pausedKeepSlots();
    }

    /** Once nothing new comes (HyperBand), resumed trials with no slot here go to another worker. */
    @Override
    public void pausedDecided(PausedTrials paused, int freeSlots) {
        if (replica.handsOver()) {
            paused.handOverBeyond(freeSlots, replica::disown);
        }
    }

    @Override
    public Optional<Trial> elsewhere(String trialId) {
        return replica.elsewhere(trialId);
    }

    @Override
    public void stopped(String reason, boolean forAll) {
        if (forAll) {
            shared.stop(reason);
        }
    }

    @Override
    public void close(ExperimentStore store) {
        Optional.ofNullable(ahead).ifPresent(claims -> claims.giveBack(store));
        replica.close();
    }

    /** Every worker's trials, read from the log: the experiment's totals, not this worker's share. */
    @Override
    public ExperimentResult finish(TrialBook book, ExperimentInfo info, Duration wall,
            Function<ExperimentResult, ExperimentState> state) {
        Optional<StorageException> lost = book.lostStore();
        if (lost.isPresent()) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not write this worker's last results: {}", e.getMessage());
            }
            shared.close();
            throw lost.get(); // the others take this worker's trials over; starting it again rejoins
        }
        store.close();
        ran = book.forget(); // its trials are in the log; holding both would double the memory
        ExperimentResult result = new ExperimentResult(plan.name(), plan.objective(), shared.trials(), Optional.empty(),
                wall, plan.seed(), Optional.ofNullable(info.searcherDescription()));
        shared.saveState(state.apply(result));
        shared.close();
        return result;
    }

    @Override
    public Optional<String> closingLine(ExperimentResult result) {
        return Optional.of("This worker ran " + ran + " of the " + result.trials().size() + " trials, shared in "
                + shared.where());
    }

    @Override
    public boolean dropsEndedTrials() {
        return true;
    }
}
