package dev.tune.search.tpe;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.search.Brackets;
import dev.tune.search.Halton;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.search.UnitPoints;
import dev.tune.space.Domain;
import dev.tune.space.Grid;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Tree-structured Parzen Estimator, as Optuna's {@code TPESampler}: after {@code startupTrials}
 * random trials, each suggestion splits the finished trials into the best {@code gamma} and the
 * rest, fits a Parzen estimator to each, draws {@code candidates} values from the good one and keeps
 * the value with the highest ratio of good to rest density. Univariate by default (each
 * hyperparameter on its own); multivariate models hyperparameters that occur together jointly, in
 * groups, so conditional hyperparameters (present in some configs only) are modelled from the
 * trials that have them. Running trials count as bad ones (the constant liar), so trials suggested
 * in parallel differ. Log, quantised, integer and categorical domains are modelled on their own
 * scale; constants are copied and computed values resolved by the space. Reproducible: the k-th
 * suggestion depends on the seed, k and what was told before it. Minimises or maximises the
 * experiment's single objective; suggests {@code samples} trials in all (a grid hyperparameter is
 * a choice here, not a loop).
 */
public final class TpeSearch implements Searcher {

    private final TpeSettings settings;
    private Space space;
    private String metric;
    private double sign;
    private List<String> metrics = List.of();
    private Objective objective;
    private double[] signs = new double[0];
    private long seed;
    private long samples;
    private long suggested;
    private List<Axis> axes;
    private UnitPoints start;
    private Halton halton;
    /** One history per bracket of the scheduler (one in all without brackets), as Optuna's TPE under Hyperband. */
    private final Map<Integer, History> histories = new HashMap<>();
    private final Map<String, Integer> bracketOf = new HashMap<>();
    private Brackets brackets = Brackets.NONE;
    private final Map<String, Integer> numbers = new HashMap<>();

    /** Optuna's defaults: 10 random start-up trials, 24 candidates, univariate, with the constant liar. */
    public TpeSearch() {
        this(TpeSettings.DEFAULTS);
    }

    public TpeSearch(TpeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start(SearchProblem problem) {
        Objective objective = problem.objective();
        if (objective.isMultiObjective() && settings.budgets()) {
            throw new IllegalArgumentException("BOHB compares one objective across budgets, but the experiment has "
                    + objective.metrics() + "; use tpe, or one metric");
        }
        space = problem.space();
        this.objective = objective;
        metrics = objective.metrics();
        signs = new double[metrics.size()];
        for (int k = 0; k < signs.length; k++) {
            signs[k] = objective.modes().get(k) == Mode.MAX ? -1 : 1;
        }
        metric = metrics.get(0);
        sign = signs[0];
        seed = problem.seed();
        samples = problem.limit();
        suggested = 0;
        histories.clear();
        bracketOf.clear();
        // BOHB compares trials at one budget across brackets; plain TPE models each bracket on its own
        brackets = settings.budgets() ? Brackets.NONE : problem.brackets();
        numbers.clear();
        start = new UnitPoints(space);
        halton = new Halton(Math.max(1, start.dimensions()), seed);
        axes = new ArrayList<>();
        space.domains().forEach((name, domain) -> {
            Axis axis = Axis.of(name, domain);
            if (axis != null) {
                axes.add(axis);
            }
        });
    }

    @Override
    public Suggestion suggest(String trialId) {
        return suggest(trialId, (int) suggested + 1);
    }

    /** Draws from {@code number}: the random stream and the start-up's Halton point are the trial's own. */
    @Override
    public Suggestion suggest(String trialId, int number) {
        if (space == null) {
            throw new IllegalStateException("TpeSearch.start(problem) must be called before suggest");
        }
        if (suggested >= samples) {
            return Suggestion.finished();
        }
        suggested++;
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * number));
        int bracket = brackets.of(trialId);
        History history = histories.computeIfAbsent(bracket, b -> new History());
        Map<String, Object> chosen = history.finishedCount() >= settings.startupTrials() ? model(history, random)
                : settings.quasiRandomStart() ? start.values(halton.point(number)) : randomGrid(random);
        Config config = space.sample(random, chosen);
        numbers.put(trialId, number);
        bracketOf.put(trialId, bracket);
        history.started(trialId, number, config, point(config));
        return Suggestion.of(config);
    }

    /** Another worker's trial runs: it counts as running (the constant liar) and towards the samples. */
    @Override
    public void onTrialAdded(Trial trial) {
        suggested++;
        int bracket = brackets.of(trial.id());
        numbers.put(trial.id(), trial.number());
        bracketOf.put(trial.id(), bracket);
        histories.computeIfAbsent(bracket, b -> new History()).started(trial.id(), trial.number(), trial.config(),
                point(trial.config()));
    }

    /** Random start-up: grid hyperparameters need a value chosen here; the space samples the rest. */
    private Map<String, Object> randomGrid(SplittableRandom random) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Domain> entry : space.domains().entrySet()) {
            if (entry.getValue() instanceof Grid grid) {
                values.put(entry.getKey(), grid.values().get(random.nextInt(grid.values().size())));
            }
        }
        return values;
    }

    private Map<String, Object> model(History history, SplittableRandom random) {
        // a trial that ran to the end is comparable whatever bracket it ran in: every bracket learns from it
        List<History.Seen> borrowed = new ArrayList<>();
        histories.values().stream().filter(h -> h != history).forEach(h -> borrowed.addAll(h.completed()));
        List<List<History.Seen>> split = history.split(settings.constantLiar(), Math.max(settings.startupTrials(),
                axes.size() + 2), settings.budgets(), borrowed);
        Map<String, Object> values = new LinkedHashMap<>();
        for (List<Axis> group : Groups.of(axes, split, settings.multivariate())) {
            Axis[] groupAxes = group.toArray(new Axis[0]);
            ParzenEstimator good = estimator(groupAxes, split.get(0), metrics.size() > 1
                    ? MultiObjective.weights(split.get(0)) : null);
            ParzenEstimator rest = estimator(groupAxes, split.get(1), null);
            double[][] candidates = good.sample(random, settings.candidates());
            double[] goodDensity = good.logPdf(candidates);
            double[] restDensity = rest.logPdf(candidates);
            int best = 0;
            for (int i = 1; i < candidates.length; i++) {
                if (goodDensity[i] - restDensity[i] > goodDensity[best] - restDensity[best]) {
                    best = i;
                }
            }
            for (int a = 0; a < groupAxes.length; a++) {
                values.put(groupAxes[a].name, groupAxes[a].fromInternal(candidates[best][a]));
            }
        }
        return values;
    }

    /**
     * The estimator of the trials that have every axis of the group, weighted by recency, or by
     * {@code given} weights (one per trial) when there are several objectives.
     */
    private ParzenEstimator estimator(Axis[] group, List<History.Seen> trials, double[] given) {
        int[] index = new int[group.length];
        for (int a = 0; a < group.length; a++) {
            index[a] = axes.indexOf(group[a]);
        }
        List<double[]> rows = new ArrayList<>(trials.size());
        List<Double> kept = new ArrayList<>(trials.size());
        for (int t = 0; t < trials.size(); t++) {
            History.Seen seen = trials.get(t);
            double[] point = seen.point() != null ? seen.point() : point(seen.config());
            double[] row = new double[group.length];
            boolean complete = true;
            for (int a = 0; a < group.length && complete; a++) {
                row[a] = point[index[a]];
                complete = !Double.isNaN(row[a]);
            }
            if (complete) {
                rows.add(row);
                kept.add(given == null ? 1.0 : given[t]);
            }
        }
        double[] weights = given == null ? History.weights(rows.size()) : new double[kept.size()];
        for (int i = 0; given != null && i < weights.length; i++) {
            weights[i] = kept.get(i);
        }
        return new ParzenEstimator(group, rows.toArray(new double[0][]), weights, settings.multivariate());
    }

    /**
     * {@code config} on this searcher's axes, NaN where it has no value (a condition left it out):
     * worked out once per trial, not at every suggestion, which reads every trial's point.
     */
    private double[] point(Config config) {
        double[] point = new double[axes.size()];
        for (int a = 0; a < point.length; a++) {
            Axis axis = axes.get(a);
            Object value = config.has(axis.name) ? config.get(axis.name) : null;
            point[a] = value == null ? Double.NaN : axis.toInternal(value);
        }
        return point;
    }

    /**
     * Intermediate values, which BOHB's rule compares; not {@link #onTrialResult}, so plain TPE
     * ({@link #readsResults()} false) costs the runner nothing per result ({@link BohbSearch} passes them on).
     */
    void intermediate(Trial trial, Result result) {
        Double reported = result.metrics().get(metric);
        if (reported != null) {
            historyOf(trial.id()).reported(trial.id(), result.iteration(), sign * reported);
        }
    }

    /** False: it models completed trials only (BOHB, which wraps it, reads results). */
    @Override
    public boolean readsResults() {
        return false;
    }

    /** True: the constant liar counts running trials, and an end counts whenever it comes. */
    @Override
    public boolean suggestsAhead() {
        return true;
    }

    @Override
    public void onTrialComplete(Trial trial) {
        Integer number = numbers.remove(trial.id());
        History history = historyOf(trial.id());
        bracketOf.remove(trial.id());
        int n = number != null ? number : trial.number();
        double[] costs = new double[metrics.size()];
        Arrays.fill(costs, Double.NaN);
        if (trial.status() != TrialStatus.ERROR && trial.lastResult().isPresent()) {
            for (int k = 0; k < costs.length; k++) {
                Double reported = trial.lastResult().get().metrics().get(metrics.get(k));
                costs[k] = reported == null || reported.isNaN() ? Double.NaN : signs[k] * reported;
            }
        }
        boolean finite = Arrays.stream(costs).noneMatch(Double::isNaN);
        boolean pruned = trial.termination().map(t -> t == Termination.EARLY_STOPPED || t == Termination.CANCELLED)
                .orElse(false);
        double violation = trial.lastResult().map(r -> objective.violation(r.metrics())).orElse(0.0);
        history.finished(trial.id(), new History.Seen(trial.id(), n, trial.config(), finite ? costs[0] : Double.NaN,
                pruned, trial.iterations(), costs, violation, point(trial.config())));
    }

    /**
     * The history of the trial's bracket: the one it was suggested in, else the first (a trial told, never
     * suggested).
     */
    private History historyOf(String trialId) {
        return histories.computeIfAbsent(bracketOf.getOrDefault(trialId, 0), b -> new History());
    }

    /**
     * {@code TPE (10 random start-up trials, then 24 candidates per suggestion; independent per
     * hyperparameter)}, with how good trials are taken once started on several objectives.
     */
    @Override
    public String describe() {
        return "TPE (" + settingsInWords() + ")";
    }

    /** The settings that matter, in words, and for several objectives how the good trials are taken. */
    String settingsInWords() {
        int startup = settings.startupTrials();
        StringBuilder text = new StringBuilder().append(startup)
                .append(settings.quasiRandomStart() ? " quasi-random" : " random")
                .append(startup == 1 ? " start-up trial" : " start-up trials").append(", then ")
                .append(settings.candidates()).append(settings.candidates() == 1 ? " candidate" : " candidates")
                .append(" per suggestion; ").append(settings.multivariate()
                        ? "joint over hyperparameters that occur together" : "independent per hyperparameter");
        if (objective != null && objective.isMultiObjective()) {
            text.append("; good trials by Pareto rank, then hypervolume");
        }
        if (!settings.constantLiar()) {
            text.append("; running trials not counted");
        }
        if (settings.budgets()) {
            text.append("; trials compared at the most iterations enough of them reached");
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "TpeSearch(" + settings + ")";
    }
}
