package dev.tune.search;

import dev.tune.result.Trial;
import dev.tune.search.cmaes.CmaEsSearch;
import dev.tune.search.gp.GpSearch;
import dev.tune.search.nsga.NsgaIISearch;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.search.tpe.TpeSettings;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tune's default searcher: picks one from the space's shape and the budget when the experiment
 * starts, and says so in one sentence ({@link #describe()}), logged and kept for the summary and
 * the report: {@code auto chose CMA-ES (1 random start-up trial, then generations of 8 trials) for
 * 1,000 trials of 4 hyperparameters: numbers only, more than 500 trials, and enough trials for 125
 * generations}.
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
    /** CMA-ES needs more generations than this of its default population to pay off. */
    static final int CMAES_MIN_GENERATIONS = 10;

    private Searcher chosen;
    private String choice;

    @Override
    public void start(SearchProblem problem) {
        SpaceShape shape = SpaceShape.of(problem.space());
        chosen = choose(problem, shape);
        chosen.start(problem);
        choice = "auto chose " + chosen.describe() + " for " + trials(problem, shape) + ": "
                + why(problem, shape, chosen);
        LOG.info("{}", choice);
    }

    /** The searcher this rule picks for {@code problem}, whose space has {@code shape}. */
    private static Searcher choose(SearchProblem problem, SpaceShape shape) {
        if (shape.grids() > 0 || shape.modelled() == 0) {
            return new RandomSearch();
        }
        if (problem.objective().isMultiObjective()) {
            return budget(problem) > TPE_MAX_TRIALS_SEVERAL_OBJECTIVES ? new NsgaIISearch()
                    : new TpeSearch(TpeSettings.DEFAULTS.multivariate(shape.mixed()));
        }
        if (notGp(problem, shape) == null) {
            return new GpSearch();
        }
        if (cmaEsFits(problem, shape)) {
            return new CmaEsSearch();
        }
        return new TpeSearch(TpeSettings.DEFAULTS.multivariate(shape.mixed()));
    }

    /** Two or more numbers and nothing else, with a budget of more than 10 generations. */
    private static boolean cmaEsFits(SearchProblem problem, SpaceShape shape) {
        return shape.choices() == 0 && shape.conditions() == 0 && shape.numbers() >= 2
                && generations(budget(problem), shape.numbers()) > CMAES_MIN_GENERATIONS;
    }

    /** Why gp does not fit {@code problem}, in words; null when it does. */
    private static String notGp(SearchProblem problem, SpaceShape shape) {
        if (shape.conditions() > 0) {
            return "conditional hyperparameters";
        }
        if (shape.modelled() < 2) {
            return "a single hyperparameter";
        }
        if (shape.modelled() > GP_MAX_DIMENSIONS) {
            return "more than " + GP_MAX_DIMENSIONS + " hyperparameters";
        }
        if (problem.unbounded()) {
            return "no limit on trials";
        }
        if (problem.samples() <= 10) {
            return "10 trials or fewer";
        }
        if (problem.samples() > GP_MAX_TRIALS) {
            return "more than " + GP_MAX_TRIALS + " trials";
        }
        return problem.stopsEarly() ? "a scheduler that stops trials early" : null;
    }

    /** {@code 40 trials of 3 hyperparameters}: the trials a grid makes, and the hyperparameters that vary. */
    private static String trials(SearchProblem problem, SpaceShape shape) {
        if (problem.unbounded()) {
            String text = "trials until the experiment is stopped";
            return shape.varying() == 0 ? text : text + ", of " + count(shape.varying(), "hyperparameter");
        }
        long trials = problem.samples() * (shape.grids() > 0 ? new GridAxes(problem.space()).size() : 1);
        String text = count(trials, "trial");
        return shape.varying() == 0 ? text : text + " of " + count(shape.varying(), "hyperparameter");
    }

    /** Why {@code chosen} was chosen, in words: the facts of the rule that decided. */
    private static String why(SearchProblem problem, SpaceShape shape, Searcher chosen) {
        int objectives = problem.objective().metrics().size();
        if (shape.grids() > 0) {
            return "a grid asks for every combination, as in Ray";
        }
        if (chosen instanceof RandomSearch) {
            return "no hyperparameter varies, so there is nothing to model";
        }
        if (chosen instanceof NsgaIISearch) {
            return objectives + " objectives and " + (problem.unbounded() ? "no limit on trials"
                    : "more than " + count(TPE_MAX_TRIALS_SEVERAL_OBJECTIVES, "trial"));
        }
        if (objectives > 1) {
            return objectives + " objectives and at most " + count(TPE_MAX_TRIALS_SEVERAL_OBJECTIVES, "trial");
        }
        if (chosen instanceof GpSearch) {
            return "2 to " + GP_MAX_DIMENSIONS + " hyperparameters that every trial has, at most " + GP_MAX_TRIALS
                    + " trials, and no early stopping";
        }
        String notGp = notGp(problem, shape);
        if (chosen instanceof CmaEsSearch) {
            if (problem.unbounded()) {
                return "numbers only, and " + notGp;
            }
            return "numbers only, " + notGp + ", and enough trials for "
                    + count((long) generations(problem.samples(), shape.numbers()), "generation");
        }
        if (shape.choices() == 0 && shape.conditions() == 0 && shape.numbers() >= 2) {
            return notGp + ", and too few trials for more than " + CMAES_MIN_GENERATIONS + " CMA-ES generations";
        }
        return shape.conditions() == 0 && shape.modelled() >= 2 ? notGp + ", and choices, which CMA-ES does not model"
                : notGp;
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** The trials the rules weigh: the samples, or as many as an int holds when there is no limit. */
    private static int budget(SearchProblem problem) {
        return problem.unbounded() ? Integer.MAX_VALUE : problem.samples();
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

    /** What the chosen searcher answers, once started (random search, for a grid, is positional). */
    @Override
    public boolean positional() {
        return chosen != null && chosen.positional();
    }

    /** The chosen searcher's suggestion at {@code position}, once started, for a positional one. */
    @Override
    public Optional<Suggestion> suggestionAt(long position) {
        if (chosen == null) {
            throw new IllegalStateException("AutoSearch.start(problem) must be called before suggestionAt");
        }
        return chosen.suggestionAt(position);
    }

    /** False: none of the searchers it chooses reads intermediate results, and it passes on none. */
    @Override
    public boolean readsResults() {
        return false;
    }

    /** What the chosen searcher answers, once started. */
    @Override
    public boolean suggestsAhead() {
        return chosen != null && chosen.suggestsAhead();
    }

    /** What the chosen searcher answers, once started. */
    @Override
    public boolean suggestsAlike() {
        return chosen != null && chosen.suggestsAlike();
    }

    @Override
    public Suggestion suggest(String trialId, int number) {
        if (chosen == null) {
            throw new IllegalStateException("AutoSearch.start(problem) must be called before suggest");
        }
        return chosen.suggest(trialId, number);
    }

    @Override
    public void onTrialAdded(Trial trial) {
        chosen.onTrialAdded(trial);
    }

    @Override
    public void onTrialComplete(Trial trial) {
        chosen.onTrialComplete(trial);
    }

    /** The searcher in charge, once started. */
    public Searcher chosen() {
        return chosen;
    }

    /**
     * Once started, what auto chose, for how many trials of how many hyperparameters, and why, in one
     * sentence: {@code auto chose Gaussian-process search (...) for 100 trials of 4 hyperparameters: 2 to 6
     * hyperparameters that every trial has, at most 500 trials, and no early stopping}.
     */
    @Override
    public String describe() {
        return choice != null ? choice : "auto (chooses a searcher when the experiment starts)";
    }

    @Override
    public String toString() {
        return chosen == null ? "AutoSearch" : "AutoSearch(" + chosen + ")";
    }
}
