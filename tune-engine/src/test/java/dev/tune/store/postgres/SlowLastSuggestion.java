package dev.tune.store.postgres;

import dev.tune.result.Trial;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.search.tpe.TpeSearch;

/**
 * TPE that takes {@code millis} to suggest the experiment's last trial: the worker that took the
 * last number is still suggesting when the other has run out of trials.
 */
final class SlowLastSuggestion implements Searcher {

    private final TpeSearch tpe = new TpeSearch();
    private final long millis;
    private int samples;

    SlowLastSuggestion(long millis) {
        this.millis = millis;
    }

    @Override
    public void start(SearchProblem problem) {
        samples = problem.samples();
        tpe.start(problem);
    }

    @Override
    public Suggestion suggest(String trialId) {
        return tpe.suggest(trialId);
    }

    @Override
    public Suggestion suggest(String trialId, int number) {
        if (number == samples) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return tpe.suggest(trialId, number);
    }

    @Override
    public void onTrialAdded(Trial trial) {
        tpe.onTrialAdded(trial);
    }

    @Override
    public void onTrialComplete(Trial trial) {
        tpe.onTrialComplete(trial);
    }

    @Override
    public boolean readsResults() {
        return false;
    }
}
