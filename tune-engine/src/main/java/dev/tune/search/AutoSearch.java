package dev.tune.search;

import dev.tune.result.Trial;
import dev.tune.search.cmaes.CmaEsSearch;
import dev.tune.search.gp.GpSearch;
import dev.tune.search.nsga.NsgaIISearch;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.search.tpe.TpeSettings;
import dev.tune.space.Categorical;
import dev.tune.space.Conditional;
import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.Grid;
import dev.tune.space.IntDomain;
import dev.tune.space.NormalDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tune's default searcher: picks one from the space's shape and the budget when the experiment
 * starts, and logs the choice.
 * <ul>
 *   <li>A grid hyperparameter: {@link RandomSearch} (a grid is a request to try every point, as in
 *       Ray).</li>
 *   <li>Several objectives: up to {@value #TPE_MAX_TRIALS_SEVERAL_OBJECTIVES} trials,
 *       {@link TpeSearch} with Optuna's multi-objective split (measured on B8: above random search
 *       and NSGA-II on all three problems at 200 trials, at Optuna's TPE level; at 3,000 trials
 *       even with NSGA-II, each ahead once and once level); beyond, {@link NsgaIISearch}, which
 *       gains with the budget at a hundredth of TPE's cost per trial.</li>
 *   <li>One objective, 2 to {@value #GP_MAX_DIMENSIONS} hyperparameters that every trial has
 *       (numbers or choices, no conditions), at most {@value #GP_MAX_TRIALS} trials, and a scheduler
 *       that stops no trial early: {@link GpSearch}, which led on B4 on every function of 2 to 6
 *       dimensions (TPE kept the 8-dimensional one); a Gaussian process learns from completed
 *       trials only, and its cost grows with the cube of their number.</li>
 *   <li>Two or more numbers and nothing else (no choices, no conditions), with a budget of more
 *       than 10 CMA-ES generations of its default population ({@code 4 + floor(3 ln d)} trials):
 *       {@link CmaEsSearch}, which adapts to correlated and badly scaled dimensions but needs
 *       generations to do so.</li>
 *   <li>Otherwise {@link TpeSearch}: multivariate when choices or conditional hyperparameters sit
 *       beside others (it models them jointly, in groups), univariate when all are numbers (it
 *       copes best with many dimensions on a small budget).</li>
 * </ul>
 * Only the chosen searcher's rules apply afterwards; like it, this searcher learns from trial ends.
 */
public final class AutoSearch implements Searcher {

    private static final Logger LOG = LoggerFactory.getLogger(AutoSearch.class);
    /** Beyond this many trials, NSGA-II rather than TPE for several objectives. */
    static final int TPE_MAX_TRIALS_SEVERAL_OBJECTIVES = 3_000;
    /** The most hyperparameters, and the most trials, for which auto picks gp. */
    static final int GP_MAX_DIMENSIONS = 6;
    static final int GP_MAX_TRIALS = 500;

    private Searcher chosen;

    @Override
    public void start(SearchProblem problem) {
        chosen = choose(problem);
        LOG.info("Searcher auto chose {} for {} trials of {}: {}", chosen, problem.samples(), problem.space(),
                why(problem, chosen));
        chosen.start(problem);
    }

    /** The searcher this rule picks for {@code problem}. */
    static Searcher choose(SearchProblem problem) {
        int numbers = 0;
        int choices = 0;
        int conditions = 0;
        for (Domain declared : problem.space().domains().values()) {
            Domain domain = declared instanceof Conditional c ? c.base() : declared;
            conditions += declared instanceof Conditional ? 1 : 0;
            if (domain instanceof Grid) {
                return new RandomSearch();
            }
            if (domain instanceof FloatDomain || domain instanceof NormalDomain
                    || domain instanceof IntDomain i && i.size() > 1) {
                numbers++;
            } else if (domain instanceof Categorical) {
                choices++;
            }
        }
        if (numbers + choices == 0) {
            return new RandomSearch();
        }
        boolean mixed = (choices > 0 || conditions > 0) && numbers + choices > 1;
        if (problem.objective().isMultiObjective()) {
            return problem.samples() > TPE_MAX_TRIALS_SEVERAL_OBJECTIVES ? new NsgaIISearch()
                    : new TpeSearch(TpeSettings.DEFAULTS.multivariate(mixed));
        }
        if (conditions == 0 && numbers + choices >= 2 && numbers + choices <= GP_MAX_DIMENSIONS
                && problem.samples() > 10 && problem.samples() <= GP_MAX_TRIALS && !problem.stopsEarly()) {
            return new GpSearch();
        }
        if (choices == 0 && conditions == 0 && numbers >= 2 && generations(problem.samples(), numbers) > 10) {
            return new CmaEsSearch();
        }
        return new TpeSearch(TpeSettings.DEFAULTS.multivariate(mixed));
    }

    /** Why {@code chosen} was chosen, for the log line. */
    private static String why(SearchProblem problem, Searcher chosen) {
        if (chosen instanceof RandomSearch) {
            return "a grid is tried point by point, or there is nothing to model";
        }
        if (chosen instanceof CmaEsSearch) {
            return "numbers alone, and the budget makes more than 10 CMA-ES generations";
        }
        if (chosen instanceof NsgaIISearch) {
            return "several objectives and more than " + TPE_MAX_TRIALS_SEVERAL_OBJECTIVES + " trials: NSGA-II"
                    + " drew even with TPE on B8 at 3,000 trials and gains with the budget, at a hundredth of its"
                    + " cost per trial";
        }
        if (problem.objective().isMultiObjective()) {
            return "several objectives and at most " + TPE_MAX_TRIALS_SEVERAL_OBJECTIVES + " trials: TPE's"
                    + " hypervolume split led NSGA-II and random search on B8 up to that budget";
        }
        if (chosen instanceof GpSearch) {
            return "2 to " + GP_MAX_DIMENSIONS + " hyperparameters, at most " + GP_MAX_TRIALS + " trials and no early"
                    + " stopping: Gaussian-process search led on every B4 function of that size";
        }
        return "choices, conditions or a small budget: TPE models them";
    }

    /** How many generations of CMA-ES's default population {@code samples} trials make in {@code d} dimensions. */
    static double generations(int samples, int d) {
        return samples / (4.0 + Math.floor(3 * Math.log(d)));
    }

    @Override
    public Suggestion suggest(String trialId) {
        if (chosen == null) {
            throw new IllegalStateException("AutoSearch.start(problem) must be called before suggest");
        }
        return chosen.suggest(trialId);
    }

    @Override
    public void onTrialComplete(Trial trial) {
        chosen.onTrialComplete(trial);
    }

    /** The searcher in charge, once started. */
    public Searcher chosen() {
        return chosen;
    }

    @Override
    public String toString() {
        return chosen == null ? "AutoSearch" : "AutoSearch(" + chosen + ")";
    }
}
