package dev.tune.run;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Scheduler;
import dev.tune.search.Searcher;
import dev.tune.store.StoredExperiment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Replays an earlier run's recorded trials in trial order, each suggestion followed by that
     * trial's end when it was kept: for a run of one trial at a time, exactly what the searcher saw,
     * so a model-based search continues as it was. Returns the kept trials.
     */
    static List<Trial> replay(ResumePlan resume, Searcher searcher, boolean seesResults, Scheduler scheduler) {
        Set<String> keptIds = new HashSet<>();
        resume.kept().forEach(t -> keptIds.add(t.id()));
        List<Trial> kept = new ArrayList<>();
        for (Trial trial : resume.all()) {
            searcher.suggest(trial.id());
            if (keptIds.contains(trial.id())) {
                kept.add(trial);
                scheduler.onTrialAdd(trial);
                replay(trial, seesResults ? searcher : null, scheduler);
                searcher.onTrialComplete(trial);
                scheduler.onTrialComplete(trial);
            }
        }
        return kept;
    }

    /** True when {@code searcher} looks at intermediate results (overrides {@code onTrialResult}). */
    static boolean readsResults(Searcher searcher) {
        try {
            return searcher.getClass().getMethod("onTrialResult", Trial.class, Result.class).getDeclaringClass()
                    != Searcher.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
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
                LOG.warn("Replaying trial {} stopped at iteration {}: {}", trial.name(), result.iteration(),
                        e.toString());
                break;
            } finally {
                scheduler.actions();
            }
        }
    }
}
