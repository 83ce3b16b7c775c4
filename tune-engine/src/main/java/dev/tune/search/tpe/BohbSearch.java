package dev.tune.search.tpe;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;

/**
 * BOHB's model half, as Ray's {@code TuneBOHB}: multivariate TPE that, once a scheduler stops trials
 * early (pair it with {@code hyperband}, {@code asha} brackets, ...), compares trials at the
 * largest number of iterations that enough of them reached, each with its value there, because
 * values after different numbers of iterations are not comparable. Until then it is multivariate
 * TPE. It reads every intermediate result.
 */
public final class BohbSearch implements Searcher {

    private final TpeSearch tpe;

    public BohbSearch() {
        this(TpeSettings.DEFAULTS.multivariate(true).budgets(true));
    }

    public BohbSearch(TpeSettings settings) {
        this.tpe = new TpeSearch(settings.budgets(true));
    }

    @Override
    public void start(SearchProblem problem) {
        tpe.start(problem);
    }

    @Override
    public Suggestion suggest(String trialId) {
        return tpe.suggest(trialId);
    }

    /** True: it compares trials by the values they reported after equal numbers of iterations. */
    @Override
    public boolean readsResults() {
        return true;
    }

    /** True: TPE's constant liar counts running trials, and results count whenever they come. */
    @Override
    public boolean suggestsAhead() {
        return true;
    }

    @Override
    public Suggestion suggest(String trialId, int number) {
        return tpe.suggest(trialId, number);
    }

    @Override
    public void onTrialAdded(Trial trial) {
        tpe.onTrialAdded(trial);
    }

    @Override
    public void onTrialResult(Trial trial, Result result) {
        tpe.intermediate(trial, result);
    }

    @Override
    public void onTrialComplete(Trial trial) {
        tpe.onTrialComplete(trial);
    }

    /** {@code BOHB (10 random start-up trials, then 24 candidates per suggestion; joint over ...)}. */
    @Override
    public String describe() {
        return "BOHB (" + tpe.settingsInWords() + ")";
    }

    @Override
    public String toString() {
        return "BohbSearch(" + tpe + ")";
    }
}
