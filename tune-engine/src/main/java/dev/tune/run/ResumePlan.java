package dev.tune.run;

import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.store.StoredExperiment;
import java.util.ArrayList;
import java.util.List;

/**
 * What a resumed run takes over from the earlier one: the experiment's tag, the trials it keeps
 * as they ended, and the trials that run again (from their latest checkpoint, or from scratch).
 *
 * @param all every recorded trial, by number, for replaying the searcher and scheduler
 */
record ResumePlan(String tag, List<Trial> all, List<Trial> kept, List<Trial> resumed, List<Trial> restarted) {

    static ResumePlan of(StoredExperiment stored, ResumeMode mode) {
        List<Trial> kept = new ArrayList<>();
        List<Trial> resumed = new ArrayList<>();
        List<Trial> restarted = new ArrayList<>();
        for (Trial trial : stored.trials()) {
            boolean errored = trial.status() == TrialStatus.ERROR;
            boolean unfinished = !trial.status().isFinished()
                    || trial.termination().filter(t -> t == Termination.CANCELLED).isPresent();
            if (errored && mode.errored() == ResumeMode.Errored.RESUME) {
                resumed.add(trial);
            } else if (errored && mode.errored() == ResumeMode.Errored.RESTART) {
                restarted.add(trial);
            } else if (unfinished && !mode.onlyErrored()) {
                resumed.add(trial);
            } else {
                kept.add(trial);
            }
        }
        return new ResumePlan(stored.info().tag(), stored.trials(), kept, resumed, restarted);
    }

    /** The number the next new trial gets. */
    int nextNumber() {
        return all.stream().mapToInt(Trial::number).max().orElse(0) + 1;
    }
}
