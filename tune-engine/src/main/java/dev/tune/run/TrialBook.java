package dev.tune.run;

import dev.tune.Config;
import dev.tune.StopTrialException;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.schedule.Decision;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.stop.StopConditions;
import dev.tune.store.ExperimentStore;
import dev.tune.store.SharedRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment's ledger while it runs: hands out new trials from the searcher, takes every
 * result and every end, and asks the stop rules. All of it under one lock, so the searcher,
 * stoppers and callbacks see one event at a time in a valid order, while trials run in parallel
 * between events.
 */
final class TrialBook {

    private static final Logger LOG = LoggerFactory.getLogger(TrialBook.class);

    private final RunPlan plan;
    private final ExperimentStore store;
    private final CallbackList callbacks;
    private final String tag;
    private final Path trialsRoot;
    private final Searcher searcher;
    private final boolean searcherSeesResults;
    private final HeldTrials held;
    private final java.util.ArrayDeque<LiveTrial> pending = new java.util.ArrayDeque<>();
    private final PausedTrials paused = new PausedTrials(this::endPaused);
    private final SchedulerActions actions;
    private int nextNumber = 1;
    private final long deadline;
    private int running;
    private boolean searcherDone;
    private String stopAllReason;
    private LiveTrial firstError;
    private final SharedRun shared;
    private final SharedSearch replica;
    private volatile ClaimAhead ahead;
    private dev.tune.store.StorageException lostStore;
    private final dev.tune.schedule.Scheduler scheduler;

    /** {@code shared}: the experiment this worker shares with others, or null when it runs alone. */
    TrialBook(RunPlan plan, ExperimentStore store, CallbackList callbacks, String tag, Path trialsRoot,
            SharedRun shared) {
        this.plan = plan;
        this.store = store;
        this.callbacks = callbacks;
        this.tag = tag;
        this.trialsRoot = trialsRoot;
        this.searcher = plan.searcher();
        this.searcherSeesResults = ResultReplay.readsResults(searcher);
        this.shared = shared;
        this.held = new HeldTrials(shared != null);
        this.replica = shared == null ? null : new SharedSearch(shared, searcher, plan.scheduler(),
                plan::startedSearcher, () -> plan.startedScheduler(view()), searcherSeesResults);
        this.scheduler = shared == null ? plan.scheduler() : new SharedScheduler(replica, plan.scheduler());
        long elapsed = shared == null ? 0 : shared.elapsedNanos();
        this.deadline = plan.timeBudget().map(b -> System.nanoTime() + b.toNanos() - elapsed).orElse(Long.MAX_VALUE);
        this.actions = new SchedulerActions(held.byId(), paused, plan, store, scheduler,
                replica == null ? id -> Optional.empty() : replica::elsewhere);
    }

    /** What the scheduler may read of this run: this worker's book, or in a shared run, the log. */
    dev.tune.schedule.SchedulerView view() {
        return new RunningView(this, replica);
    }

    /** Slots neither held by a running trial nor claimed by a resumed one. */
    synchronized int freeSlots() {
        return Math.max(0, plan.workers() - running - paused.resumableCount());
    }

    /** Slots held by a running trial of this worker, or a paused one that keeps its slot (PBT's take turns). */
    synchronized int occupied() {
        return running + (replica == null || replica.pausedKeepSlots() ? paused.size() : paused.resumableCount());
    }

    /** A trial saved a checkpoint: exploits that waited for it can go. */
    synchronized void checkpointLanded() {
        actions.retry();
    }

    synchronized boolean hasCheckpoint(String trialId) {
        return Optional.ofNullable(held.byId().get(trialId)).flatMap(LiveTrial::latestSaved).isPresent();
    }

    /** Trials that will start, up to one per slot: asked of the searcher ahead, as Ray keeps trials pending. */
    synchronized int waiting() {
        while (pending.size() < plan.workers() && !searcherDone && stopAllReason == null) {
            LiveTrial trial = suggestNext();
            if (trial == null) {
                break;
            }
            pending.add(trial);
        }
        return pending.size();
    }

    /** The searcher's next trial, registered; null when it has none now, or is done ({@code searcherDone}). */
    private LiveTrial suggestNext() {
        int number = nextNumber;
        String id = Naming.trialId(tag, number);
        Suggestion suggestion = searcher.suggest(id);
        searcherDone = suggestion.isFinished();
        return suggestion.config().map(config -> register(id, number, config)).orElse(null);
    }

    RunPlan plan() {
        return plan;
    }

    ExperimentStore store() {
        return store;
    }

    /** The next trial to run, waiting while the searcher has nothing yet; null when no more will come. */
    synchronized LiveTrial next() throws InterruptedException {
        while (true) {
            checkExperimentStop();
            if (stopAllReason != null) {
                return null;
            }
            if (paused.hasResumable()) {
                LiveTrial trial = paused.pollResumable();
                running++;
                trial.start();
                return trial;
            }
            if (!pending.isEmpty()) {
                return begin(pending.poll());
            }
            if (shared != null) {
                ahead = ahead != null ? ahead : ClaimAhead.start(this, replica, tag, trialsRoot);
                LiveTrial trial = ahead.take();
                if (trial != null || stopAllReason != null) {
                    return trial == null ? null : begin(track(trial));
                }
                if (!ahead.await(running, paused.hasPaused() && !replica.pausedKeepSlots(), () -> {
                    decidePaused(false);
                    return paused.hasResumable();
                }, shared::openTrials, deadline)) {
                    return null;
                }
                continue;
            }
            if (searcherDone) {
                if (!paused.hasPaused()) {
                    return null;
                }
                if (running == 0) {
                    decidePaused(true);
                    if (!paused.hasResumable()) {
                        paused.endAll(Termination.CANCELLED);
                    }
                } else {
                    wait(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)));
                }
                continue;
            }
            LiveTrial suggested = suggestNext();
            if (suggested != null) {
                return begin(suggested);
            }
            if (searcherDone) {
                notifyAll();
                continue;
            }
            if (running == 0) {
                LOG.warn("Searcher {} has nothing to suggest and no trial is running; ending the experiment",
                        searcher.getClass().getSimpleName());
                searcherDone = true;
                return null;
            }
            wait(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    /** Makes {@code live} one of this book's trials. */
    private LiveTrial track(LiveTrial live) {
        return held.track(live);
    }

    /** A new trial, known to the experiment but not started. */
    private LiveTrial register(String id, int number, Config config) {
        nextNumber = number + 1;
        return track(Naming.newTrial(plan, this, trialsRoot, id, number, config));
    }

    private LiveTrial begin(LiveTrial trial) {
        running++;
        trial.start();
        scheduler.onTrialAdd(trial.identity());
        callbacks.onTrialStart(trial.snapshot());
        return trial;
    }

    /** Takes over an earlier run: kept trials stay as they ended ({@link ResultReplay}), the others run first. */
    synchronized void resume(ResumePlan resume) {
        held.keep(ResultReplay.replay(resume, searcher, searcherSeesResults, scheduler));
        resume.resumed().forEach(trial -> pending.add(track(LiveTrial.resumed(trial, false, this, trialsRoot))));
        resume.restarted().forEach(trial -> pending.add(track(LiveTrial.resumed(trial, true, this, trialsRoot))));
        nextNumber = resume.nextNumber();
    }

    /** Takes one result; false when the trial must stop now. */
    synchronized boolean onResult(LiveTrial trial, Result result) {
        Optional<StopConditions.TrialStop> stop = plan.stop().trialStop(result);
        Decision decided = replica != null && replica.decides() ? replica.decide(trial.identity(), result) : null;
        Trial snapshot = callbacks.isEmpty() && !searcherSeesResults ? null : trial.snapshot();
        if (searcherSeesResults && shared == null) {
            searcher.onTrialResult(snapshot, result);
        }
        if (snapshot != null) {
            callbacks.onTrialResult(snapshot, result);
        }
        checkExperimentStop();
        if (stop.isPresent() && !result.done()) {
            trial.stopCause = stop.get().termination();
            trial.stopReason = stop.get().reason();
            return false;
        }
        Decision decision = decided != null ? decided : scheduler.onTrialResult(result);
        if (decision == Decision.PAUSE && !result.done()) {
            trial.pauseRequested = true;
        }
        // After the pause is marked: an exploit of this trial's state must wait for its pause checkpoint.
        actions.applyPending();
        if (trial.pauseRequested) {
            return false;
        }
        if (decision != Decision.CONTINUE && !result.done()) {
            trial.stopCause = decision == Decision.STOP ? Termination.EARLY_STOPPED : Termination.COMPLETED;
            trial.stopReason = (decision == Decision.STOP ? "stopped early by " : "given its full budget by ")
                    + scheduler;
            return false;
        }
        if (stopAllReason != null) {
            cancelled(trial);
            return false;
        }
        return true;
    }

    /** Records a trial's end (normal, stopped, or {@code failure}); the caller stores the view it returns. */
    synchronized Trial onEnd(LiveTrial trial, Throwable failure) {
        running--;
        if (ahead != null) {
            ahead.ended(trial);
        }
        boolean failed = failure != null && !(failure instanceof StopTrialException);
        if (!failed && trial.pauseRequested && trial.stopCause == null) {
            paused.add(trial);
            actions.retry();
            decidePaused(false);
            notifyAll();
            return null;
        }
        if (failed) {
            trial.end(TrialStatus.ERROR, null, failure);
            firstError = firstError == null ? trial : firstError;
            if (plan.failFast()) {
                stopAll("fail-fast: trial " + trial.trialName() + " failed");
            }
        } else {
            trial.end(TrialStatus.TERMINATED, Optional.ofNullable(trial.stopCause).orElse(Termination.COMPLETED), null);
        }
        Trial snapshot = told(trial, failed ? failure : null);
        actions.retry();
        if (paused.hasPaused()) {
            decidePaused(false);
        }
        notifyAll();
        return snapshot;
    }

    /** Asks the scheduler about the paused trials; exploits it asks for come before any resumes. */
    private void decidePaused(boolean quiet) {
        actions.retry();
        java.util.Map<String, Decision> decisions = scheduler.decidePaused(quiet);
        actions.applyPending();
        paused.apply(decisions);
        if (replica != null && replica.handsOver()) { // nothing new comes: resumed trials with no slot here go elsewhere
            paused.handOverBeyond(plan.workers() - running, replica::disown);
        }
    }

    /** Ends a trial that is paused, so no worker holds it: records it as a worker would. */
    private void endPaused(LiveTrial trial, Termination why) {
        if (why != Termination.CANCELLED) {
            trial.stopReason = "stopped early by " + scheduler;
        }
        Object instance = trial.dropPausedInstance();
        if (instance != null) {
            plan.experiment().body().discard(instance);
        }
        trial.end(TrialStatus.TERMINATED, why, null);
        store.endTrial(told(trial, null));
    }

    /** Tells the searcher (alone: a shared one hears it from the log), the scheduler and the callbacks of an end. */
    private Trial told(LiveTrial trial, Throwable failure) {
        Trial snapshot = trial.snapshot();
        if (shared == null) {
            searcher.onTrialComplete(snapshot);
        }
        held.ended(trial);
        scheduler.onTrialComplete(snapshot);
        if (failure != null) {
            callbacks.onTrialError(snapshot, failure);
        } else {
            callbacks.onTrialComplete(snapshot);
        }
        return snapshot;
    }

    /** Marks a trial stopped because the experiment ended while it ran. */
    synchronized void cancelled(LiveTrial trial) {
        if (trial.stopCause == null) {
            trial.stopCause = Termination.CANCELLED;
            trial.stopReason = stopAllReason;
        }
    }

    /** This worker lost the shared store: it stops its trials, which other workers take over. */
    synchronized void leave(dev.tune.store.StorageException failure) {
        lostStore = lostStore == null ? failure : lostStore;
        stopAll("this worker lost the database: " + failure.getMessage());
    }

    synchronized Optional<dev.tune.store.StorageException> lostStore() {
        return Optional.ofNullable(lostStore);
    }

    synchronized void stopAll(String reason) {
        if (stopAllReason == null) {
            stopAllReason = reason;
            LOG.info("Stopping experiment {}: {}", plan.name(), reason);
            if (shared != null && lostStore == null && !reason.equals("interrupted")) {
                shared.stop(reason);
            }
            for (LiveTrial trial : held.live()) {
                if (!trial.status().isFinished()) {
                    trial.requestStop();
                }
            }
            paused.endAll(Termination.CANCELLED);
            notifyAll();
        }
    }

    private void checkExperimentStop() {
        if (stopAllReason == null && System.nanoTime() >= deadline) {
            stopAll("time budget of " + plan.timeBudget().orElseThrow().toMillis() / 1000.0 + " s reached");
        } else if (stopAllReason == null) {
            plan.stop().experimentStopReason().ifPresent(this::stopAll);
        }
    }

    synchronized List<Trial> snapshots() {
        return held.snapshots();
    }

    /** The progress table or the live dashboard reads every trial while the run goes on ({@link HeldTrials}). */
    synchronized void keepEnded() {
        held.keepEnded();
    }

    /** Ends the trials claimed ahead that did not start here; the shared store gives them to other workers. */
    void dropClaimedAhead() {
        Optional.ofNullable(ahead).ifPresent(claims -> claims.giveBack(store));
    }

    /** How many trials this worker ran; it forgets them: a shared experiment's result is read from its log. */
    synchronized int forget() {
        return held.forget();
    }

    synchronized Optional<LiveTrial> firstError() {
        return Optional.ofNullable(firstError);
    }

    synchronized Optional<String> stopAllReason() {
        return Optional.ofNullable(stopAllReason);
    }
}
