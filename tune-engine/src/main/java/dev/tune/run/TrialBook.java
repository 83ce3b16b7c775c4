package dev.tune.run;

import dev.tune.Config;
import dev.tune.StopTrialException;
import dev.tune.options.TuneOption;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerView;
import dev.tune.stop.StopConditions;
import dev.tune.store.ExperimentStore;
import dev.tune.store.StorageException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
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
    private final Coordination coordination;
    private final boolean searcherSeesResults;
    private final HeldTrials held;
    private final GpuPool gpus;
    private final ArrayDeque<LiveTrial> pending = new ArrayDeque<>();
    private final PausedTrials paused = new PausedTrials(this::endPaused);
    private final SchedulerActions actions;
    private int nextNumber = 1;
    private final long deadline;
    private int running;
    private String stopAllReason;
    private LiveTrial firstError;
    /** The exception the first trial that failed here threw: the cause fail-fast raises with. */
    private Throwable firstFailure;
    private StorageException lostStore;
    private final Scheduler scheduler;

    /** {@code coordination}: where new trials come from and who else hears of them. */
    TrialBook(RunPlan plan, CallbackList callbacks, Coordination coordination) {
        this.plan = plan;
        this.coordination = coordination;
        this.store = coordination.store();
        this.callbacks = callbacks;
        this.tag = coordination.tag();
        this.trialsRoot = coordination.trialsRoot();
        this.searcherSeesResults = plan.searcher().readsResults();
        this.held = new HeldTrials(coordination.dropsEndedTrials());
        this.gpus = new GpuPool((int) Math.ceil(Concurrency.totalGpu(plan.options()) - 1e-9),
                plan.options().resolve(TuneOption.GPU));
        coordination.attach(this);
        this.scheduler = coordination.scheduler();
        long elapsed = coordination.elapsedNanos();
        this.deadline = plan.timeBudget().map(b -> System.nanoTime() + b.toNanos() - elapsed).orElse(Long.MAX_VALUE);
        this.actions = new SchedulerActions(held.byId(), paused, plan, store, scheduler, coordination::elsewhere);
    }

    /** What the scheduler may read of this run. */
    SchedulerView view() {
        return coordination.view();
    }

    /** Slots neither held by a running trial nor claimed by a resumed one. */
    synchronized int freeSlots() {
        return Math.max(0, plan.workers() - running - paused.resumableCount());
    }

    /** Slots held by a running trial of this worker, or a paused one that keeps its slot (PBT's take turns). */
    synchronized int occupied() {
        return running + (coordination.pausedKeepSlots() ? paused.size() : paused.resumableCount());
    }

    /** A trial saved a checkpoint: exploits that waited for it can go. */
    synchronized void checkpointLanded() {
        actions.retry();
    }

    synchronized boolean hasCheckpoint(String trialId) {
        return Optional.ofNullable(held.byId().get(trialId)).flatMap(LiveTrial::latestSaved).isPresent();
    }

    /** Trials known to start next: those of a resumed run, and those asked of the searcher ahead. */
    synchronized int pendingCount() {
        return pending.size();
    }

    /** A trial to start once a slot is free, before any other new one. */
    synchronized void addPending(LiveTrial trial) {
        pending.add(trial);
    }

    /** The number the next new trial of this worker gets. */
    synchronized int nextNumber() {
        return nextNumber;
    }

    /** Trials of this worker running now. */
    synchronized int running() {
        return running;
    }

    synchronized boolean hasPaused() {
        return paused.hasPaused();
    }

    /** When the experiment's time budget runs out (System.nanoTime), or Long.MAX_VALUE. */
    long deadline() {
        return deadline;
    }

    /** Waits on the book's lock for an end, up to a second and never past the time budget. */
    synchronized void waitAWhile() throws InterruptedException {
        wait(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)));
    }

    /** With nothing more to come and no trial running: decides the paused trials, and cancels those left. */
    synchronized void decidePausedWithNothingToCome() {
        decidePaused(true);
        if (!paused.hasResumable()) {
            paused.endAll(Termination.CANCELLED);
        }
    }

    /** Decides the paused trials; true when one may run now. */
    synchronized boolean decidePausedAndResumable() {
        decidePaused(false);
        return paused.hasResumable();
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
                trial.useGpus(gpus.take());
                trial.start();
                return trial;
            }
            if (!pending.isEmpty()) {
                return begin(pending.poll());
            }
            Coordination.Next next = coordination.next();
            if (next.trial() != null) {
                return begin(next.trial());
            }
            if (next.done()) {
                return null;
            }
        }
    }

    /** Makes {@code live} one of this book's trials. */
    LiveTrial track(LiveTrial live) {
        return held.track(live);
    }

    /** A new trial, known to the experiment but not started. */
    LiveTrial register(String id, int number, Config config) {
        nextNumber = number + 1;
        return track(Naming.newTrial(plan, this, trialsRoot, id, number, config));
    }

    private LiveTrial begin(LiveTrial trial) {
        running++;
        trial.useGpus(gpus.take());
        trial.start();
        scheduler.onTrialAdd(trial.identity());
        callbacks.onTrialStart(trial.snapshot());
        return trial;
    }

    /** Takes over an earlier run: kept trials stay as they ended ({@link ResultReplay}), the others run first. */
    synchronized void resume(ResumePlan resume) {
        held.keep(ResultReplay.replay(resume, plan.searcher(), searcherSeesResults, scheduler));
        resume.resumed().forEach(trial -> pending.add(track(LiveTrial.resumed(trial, false, this, trialsRoot))));
        resume.restarted().forEach(trial -> pending.add(track(LiveTrial.resumed(trial, true, this, trialsRoot))));
        nextNumber = resume.nextNumber();
    }

    /** Takes one result; false when the trial must stop now. */
    synchronized boolean onResult(LiveTrial trial, Result result) {
        Optional<StopConditions.TrialStop> stop = plan.stop().trialStop(result);
        Trial snapshot = callbacks.isEmpty() && !searcherSeesResults ? null : trial.snapshot();
        Decision decided = coordination.decide(trial, result, snapshot);
        if (snapshot != null) {
            callbacks.onTrialResult(snapshot, result);
        }
        checkExperimentStop();
        if (stop.isPresent() && !result.done()) {
            trial.requests().stopAs(stop.get().termination());
            return false;
        }
        Decision decision = decided != null ? decided : scheduler.onTrialResult(result);
        if (decision == Decision.PAUSE && !result.done()) {
            trial.requests().pause();
        }
        // After the pause is marked: an exploit of this trial's state must wait for its pause checkpoint.
        actions.applyPending();
        if (trial.requests().pausing()) {
            return false;
        }
        if (decision != Decision.CONTINUE && !result.done()) {
            trial.requests().stopAs(decision == Decision.STOP ? Termination.EARLY_STOPPED : Termination.COMPLETED);
            return false;
        }
        if (stopAllReason != null) {
            trial.requests().cancel(); // the experiment ended while the trial ran
            return false;
        }
        return true;
    }

    /** Records a trial's end (normal, stopped, or {@code failure}); the caller stores the view it returns. */
    synchronized Trial onEnd(LiveTrial trial, Throwable failure) {
        if (trial.thread().leftBehind()) {
            return null; // ended when its thread was left behind (TrialDeadlines): what the thread does now is ignored
        }
        running--;
        gpus.give(trial.releaseGpus());
        coordination.slotFreed(trial);
        boolean failed = failure != null && !(failure instanceof StopTrialException);
        if (!failed && trial.requests().pausing() && trial.requests().stopCause().isEmpty()) {
            paused.add(trial);
            actions.retry();
            decidePaused(false);
            notifyAll();
            return null;
        }
        if (failed) {
            trial.end(TrialStatus.ERROR, null, failure);
            if (firstError == null) {
                firstError = trial;
                firstFailure = failure;
            }
            if (plan.failFast()) {
                stopAll("fail-fast: trial " + trial.trialName() + " failed");
            }
        } else {
            trial.end(TrialStatus.TERMINATED, trial.requests().stopCause().orElse(Termination.COMPLETED), null);
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
        Map<String, Decision> decisions = scheduler.decidePaused(quiet);
        actions.applyPending();
        paused.apply(decisions);
        coordination.pausedDecided(paused, plan.workers() - running);
    }

    /** Ends a trial that is paused, so no worker holds it: records it as a worker would. */
    private void endPaused(LiveTrial trial, Termination why) {
        Object instance = trial.dropPausedInstance();
        if (instance != null) {
            plan.experiment().body().discard(instance);
        }
        trial.end(TrialStatus.TERMINATED, why, null);
        store.endTrial(told(trial, null));
    }

    /** Tells the searcher (through the coordination), the scheduler and the callbacks of an end. */
    private Trial told(LiveTrial trial, Throwable failure) {
        Trial snapshot = trial.snapshot();
        coordination.ended(snapshot);
        held.ended(trial);
        scheduler.onTrialComplete(snapshot);
        if (failure != null) {
            callbacks.onTrialError(snapshot, failure);
        } else {
            callbacks.onTrialComplete(snapshot);
        }
        return snapshot;
    }

    /** This worker lost the shared store: it stops its trials, which other workers take over. */
    synchronized void leave(StorageException failure) {
        lostStore = lostStore == null ? failure : lostStore;
        stopAll("this worker lost the database: " + failure.getMessage());
    }

    synchronized Optional<StorageException> lostStore() {
        return Optional.ofNullable(lostStore);
    }

    synchronized void stopAll(String reason) {
        if (stopAllReason == null) {
            stopAllReason = reason;
            LOG.info("Stopping experiment {}: {}", plan.name(), reason);
            coordination.stopped(reason, lostStore == null && !reason.equals("interrupted"));
            for (LiveTrial trial : held.live()) {
                if (!trial.status().isFinished()) {
                    trial.requests().stop();
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

    /** Ends the experiment once its time budget ran out, also while no worker comes back to the book. */
    synchronized void checkTimeBudget() {
        checkExperimentStop();
    }

    synchronized List<Trial> snapshots() {
        return held.snapshots();
    }

    /** The progress table or the live dashboard reads every trial while the run goes on ({@link HeldTrials}). */
    synchronized void keepEnded() {
        held.keepEnded();
    }

    /** No trial starts here any more: trials claimed ahead that did not start go back to the experiment. */
    void close() {
        coordination.close(store);
    }

    /** How many trials this worker ran; it forgets them: a shared experiment's result is read from its log. */
    synchronized int forget() {
        return held.forget();
    }

    synchronized Optional<LiveTrial> firstError() {
        return Optional.ofNullable(firstError);
    }

    /** The first trial that failed here, by name, with the exception it threw. */
    synchronized Optional<FirstFailure> firstFailure() {
        return firstError == null ? Optional.empty()
                : Optional.of(new FirstFailure(firstError.trialName(), firstFailure));
    }

    synchronized Optional<String> stopAllReason() {
        return Optional.ofNullable(stopAllReason);
    }
}
