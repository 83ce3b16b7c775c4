package dev.tune.run;

import dev.tune.result.Perturbation;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerAction;
import dev.tune.store.ExperimentStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what a scheduler asks beyond its decisions: a checkpoint of a running trial, or a PBT
 * exploit (a paused trial takes over another trial's checkpoint, the latest at the time of the
 * decision, and a new config). An exploit waits while its trial is still on its way to pausing,
 * or while the donor is still writing the checkpoint it was asked for; the trial stays paused
 * until the exploit is done. Used under the book's lock.
 */
final class SchedulerActions {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerActions.class);

    private final Map<String, LiveTrial> trials;
    private final PausedTrials paused;
    private final RunPlan plan;
    private final ExperimentStore store;
    private final boolean savesOnRequest;
    private final Set<LiveTrial> waiting = new LinkedHashSet<>();
    private final Scheduler scheduler;
    private final Function<String, Optional<Trial>> elsewhere;

    /**
     * {@code trials}: this worker's trials by id; {@code elsewhere}: another worker's trial of a
     * shared experiment, as its log describes it now (empty when the experiment is not shared).
     */
    SchedulerActions(Map<String, LiveTrial> trials, PausedTrials paused, RunPlan plan, ExperimentStore store,
            Scheduler scheduler, Function<String, Optional<Trial>> elsewhere) {
        this.scheduler = scheduler;
        this.elsewhere = elsewhere;
        this.trials = trials;
        this.paused = paused;
        this.plan = plan;
        this.store = store;
        this.savesOnRequest = plan.experiment().savesOnRequest();
    }

    /** Applies every action the scheduler has asked for since it was last asked. */
    void applyPending() {
        List<SchedulerAction> actions = scheduler.actions();
        for (SchedulerAction action : actions) {
            LiveTrial trial = trials.get(action.trialId());
            if (trial == null || trial.status().isFinished()) {
                continue;
            }
            if (action instanceof SchedulerAction.SaveCheckpoint) {
                // A function trainable saves when it chooses to; only a class trainable saves on request.
                if (savesOnRequest) {
                    trial.requests().checkpoint();
                }
            } else if (action instanceof SchedulerAction.Exploit exploit) {
                LiveTrial donor = trials.get(exploit.donorId());
                trial.requests().exploit(exploit, donor == null ? Long.MAX_VALUE : donor.iteration());
                tryExploit(trial);
            }
        }
    }

    /** Applies the exploits that can go now; called when a trial pauses, ends or saves a checkpoint. */
    void retry() {
        if (!waiting.isEmpty()) {
            for (LiveTrial trial : List.copyOf(waiting)) {
                tryExploit(trial);
            }
        }
    }

    private void tryExploit(LiveTrial trial) {
        SchedulerAction.Exploit exploit = trial.status().isFinished() ? null
                : trial.requests().pendingExploit().orElse(null);
        LiveTrial donor = exploit == null ? null : trials.get(exploit.donorId());
        if (exploit != null && (!paused.isIdle(trial) || donor != null && saving(donor))) {
            waiting.add(trial);
            return;
        }
        waiting.remove(trial);
        if (exploit != null) {
            exploit(trial);
            paused.release(trial);
        }
    }

    /** True while the donor is writing a checkpoint it was asked for (by the scheduler, or by pausing). */
    private boolean saving(LiveTrial donor) {
        TrialRequests asked = donor.requests();
        return !donor.status().isFinished() && !paused.isIdle(donor)
                && (asked.checkpointWanted() || asked.pausing() && savesOnRequest);
    }

    /** Applies the trial's pending exploit, now that it is paused and no worker holds it. */
    private void exploit(LiveTrial trial) {
        SchedulerAction.Exploit exploit = trial.requests().takeExploit().orElse(null);
        if (exploit == null) {
            return;
        }
        LiveTrial here = trials.get(exploit.donorId());
        // The donor's checkpoint from when PBT ranked it, though the donor may have saved newer ones
        // since; another worker's donor gives its latest in the shared log.
        Optional<Trial> donor = here != null ? Optional.of(here.snapshot()) : elsewhere.apply(exploit.donorId());
        Optional<SavedCheckpoint> checkpoint = here != null ? here.savedUpTo(trial.requests().exploitUpTo())
                : donor.flatMap(Trial::latestCheckpoint);
        if (checkpoint.isEmpty()) {
            LOG.warn("PBT: trial {} has no checkpoint to copy, so trial {} keeps its own state and config",
                    exploit.donorId(), trial.trialName());
            return;
        }
        Object instance = trial.dropPausedInstance();
        if (instance != null) {
            plan.experiment().body().discard(instance);
        }
        long iteration = trial.iteration();
        Trial from = donor.orElseThrow();
        SavedCheckpoint copy = trial.adopt(checkpoint.get(), exploit.config());
        store.addCheckpoint(trial.identity(), copy);
        Perturbation step = new Perturbation(trial.id, trial.trialName(), from.id(), from.name(), iteration,
                copy.iteration(), from.config(), exploit.config());
        store.perturbed(trial.identity(), step, exploit.log());
        LOG.debug("PBT: trial {} continues from trial {}'s checkpoint at iteration {} with {}",
                trial.trialName(), from.name(), copy.iteration(), exploit.config());
    }
}
