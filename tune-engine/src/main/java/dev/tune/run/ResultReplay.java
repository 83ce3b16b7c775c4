package dev.tune.run;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Scheduler;
import dev.tune.search.Searcher;
import dev.tune.store.StoredExperiment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the searcher and scheduler a kept trial's recorded results when an experiment resumes, so
 * their state (ASHA's rungs, the median rule's curves, a model's observations) holds what the
 * earlier run saw. Decisions and actions are dropped: the trial ended as it ended.
 */
final class ResultReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ResultReplay.class);

    private ResultReplay() {
    }

    /** Replays {@code trial}'s results; {@code searcher} null when it does not look at results. */
    static void replay(Trial trial, Searcher searcher, Scheduler scheduler) {
        for (Result result : StoredExperiment.results(trial)) {
            try {
                if (searcher != null) {
                    searcher.onTrialResult(trial, result);
                }
                scheduler.onTrialResult(result);
            } catch (RuntimeException e) {
                LOG.warn("Replaying trial {} stopped at iteration {}: {}", trial.name(), result.iteration(), e.toString());
                break;
            } finally {
                scheduler.actions();
            }
        }
    }
}
