package dev.tune.search.cmaes;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CMA-ES, the covariance matrix adaptation evolution strategy, as Optuna's {@code CmaEsSampler}
 * (with the {@code cmaes} library): a multivariate normal distribution over the numeric
 * hyperparameters that moves towards, and takes the shape of, the region of good results.
 *
 * <ul>
 *   <li><b>Space.</b> Numeric hyperparameters with more than one value are coordinates of the
 *       unit box, on a log scale for log domains; int and quantised values own equal slices of it
 *       and are rounded on output; a normal domain is an unbounded coordinate in its own scale
 *       (see {@code Axis}). Samples outside the box are drawn again up to {@code 10 d} times, then
 *       clipped. Categorical and grid values, and conditional hyperparameters of any kind, are
 *       drawn independently at random (Optuna's rule: CMA-ES models only numbers that every
 *       trial has); constants are copied; sample-from values are computed and inactive conditional
 *       ones dropped afterwards by {@link Space#sample}.</li>
 *   <li><b>Start.</b> Until {@code startupTrials} trials have ended with a value, every value is
 *       sampled independently; these trials are not told to CMA-ES. Then each suggestion is asked
 *       of the current generation, starting from the centre of the box with step size
 *       {@code sigma0}.</li>
 *   <li><b>Tell.</b> A generation is updated, at the next suggestion, once {@code popsize} of its
 *       trials have ended with a value: the first {@code popsize} in suggestion order are told
 *       at the coordinates of the values they ran with (their configs' rounded values, as Optuna
 *       transforms a trial's params), and the rest of the generation is dropped.
 *       Extra suggestions while a generation is incomplete (parallel trials) are more samples of
 *       the same generation; trials of an older generation are ignored when they end.</li>
 *   <li><b>Values.</b> The objective's metric in the trial's last result, negated when
 *       maximising. A trial that failed, was cancelled, has no finite value (NaN or missing), or
 *       was stopped early by a scheduler (unless {@link Builder#considerEarlyStopped}) is not
 *       told: its place in the generation goes to a later suggestion, as Optuna does with failed
 *       and pruned trials.</li>
 *   <li><b>Reproducible.</b> Suggestion k draws from a random stream fixed by the seed and k, so
 *       the same seed and the same results in the same order give the same configs.</li>
 *   <li><b>Length.</b> It suggests {@link SearchProblem#samples()} configs, then answers
 *       {@link Suggestion#finished()}.</li>
 * </ul>
 *
 * <p>{@link #state()} and {@link #restore} save and restore the whole search as a
 * {@link CmaEsState}. Multi-objective experiments are not supported.
 */
public final class CmaEsSearch implements Searcher {

    private static final Logger LOG = LoggerFactory.getLogger(CmaEsSearch.class);
    private static final double MIN_SIGMA = 1e-8;

    private final int startupTrials;
    private final double sigma0;
    private final int popsize;
    private final RestartStrategy restart;
    private final boolean considerEarlyStopped;

    private SpaceLayout layout;
    private String metric;
    private boolean maximize;
    private long samples;
    private long seed;

    private Cma cma;
    private int restarts;
    private long suggestions;
    private long results;
    private final Map<String, CmaEsState.Pending> pending = new LinkedHashMap<>();
    private final List<CmaEsState.Evaluated> evaluated = new ArrayList<>();

    /** CMA-ES with Optuna's defaults: see {@link Builder}. */
    public CmaEsSearch() {
        this(new Builder());
    }

    private CmaEsSearch(Builder builder) {
        this.startupTrials = builder.startupTrials;
        this.sigma0 = builder.sigma0;
        this.popsize = builder.popsize;
        this.restart = builder.restart;
        this.considerEarlyStopped = builder.considerEarlyStopped;
    }

    /** Options for a CMA-ES search, starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void start(SearchProblem problem) {
        Objective objective = problem.objective();
        if (objective.isMultiObjective()) {
            throw new IllegalArgumentException("CMA-ES optimises one metric, but this experiment optimises "
                    + objective.metrics() + ": name one metric, or use a multi-objective searcher");
        }
        metric = objective.metric();
        maximize = objective.mode() == Mode.MAX;
        layout = new SpaceLayout(problem.space());
        samples = problem.limit();
        seed = problem.seed();
        restarts = 0;
        suggestions = 0;
        results = 0;
        pending.clear();
        evaluated.clear();
        int dim = layout.dim();
        if (dim == 0) {
            cma = null;
        } else {
            double[] centre = new double[dim];
            Arrays.fill(centre, 0.5);
            cma = fresh(popsize > 0 ? popsize : CmaParameters.defaultPopsize(dim), centre);
        }
        LOG.debug("CMA-ES over {} numeric coordinates, population {}", dim, cma == null ? 0 : cma.p.popsize);
    }

    private Cma fresh(int lambda, double[] mean) {
        return new Cma(new CmaParameters(layout.dim(), lambda), mean, Math.max(sigma0, MIN_SIGMA),
                layout.lower(), layout.upper());
    }

    @Override
    public Suggestion suggest(String trialId) {
        return suggest(trialId, (int) suggestions + 1);
    }

    /** Draws from {@code number}: the trial's random stream is {@code number - 1}'s. */
    @Override
    public Suggestion suggest(String trialId, int number) {
        requireStarted();
        if (suggestions >= samples) {
            return Suggestion.finished();
        }
        update();
        suggestions++;
        long index = number - 1L;
        SplittableRandom random = Draws.stream(seed, index);
        double[] x = cma != null && results >= startupTrials ? cma.ask(random.split()) : null;
        Config config = layout.config(x, random);
        List<Double> told = x == null ? List.of() : Vectors.list(layout.encode(config));
        pending.put(trialId, new CmaEsState.Pending(trialId, index, restarts, cma == null ? 0 : cma.generation,
                told));
        return Suggestion.of(config);
    }

    /**
     * Another worker's trial runs: it is a solution of the generation that is being asked, as if
     * this worker had sampled it, so every worker's trials fill the generations.
     */
    @Override
    public void onTrialAdded(Trial trial) {
        requireStarted();
        suggestions++;
        List<Double> x = cma == null ? List.of() : layout.encodeIfNumeric(trial.config()).map(Vectors::list)
                .orElse(List.of());
        pending.put(trial.id(), new CmaEsState.Pending(trial.id(), trial.number() - 1L, restarts,
                cma == null ? 0 : cma.generation, x));
    }

    /** False: a generation learns from its completed trials only. */
    @Override
    public boolean readsResults() {
        return false;
    }

    /** False: a trial of a generation told before it ended is ignored. */
    @Override
    public boolean suggestsAhead() {
        return false;
    }

    @Override
    public void onTrialComplete(Trial trial) {
        CmaEsState.Pending solution = pending.remove(trial.id());
        if (solution == null) {
            return;
        }
        OptionalDouble value = value(trial);
        if (value.isEmpty()) {
            LOG.debug("trial {} ended without a value to tell CMA-ES; its place goes to a later suggestion",
                    trial.id());
            return;
        }
        results++;
        if (!solution.x().isEmpty() && cma != null && solution.restart() == restarts
                && solution.generation() == cma.generation) {
            List<Double> x = layout.encodeIfNumeric(trial.config()).map(Vectors::list).orElse(solution.x());
            evaluated.add(new CmaEsState.Evaluated(solution.index(), x, value.getAsDouble()));
        }
    }

    /** The value to minimise that {@code trial} ended with, or empty when it is not to be told. */
    private OptionalDouble value(Trial trial) {
        if (trial.status() != TrialStatus.TERMINATED) {
            return OptionalDouble.empty();
        }
        Termination termination = trial.termination().orElse(Termination.COMPLETED);
        if (termination == Termination.CANCELLED
                || (termination == Termination.EARLY_STOPPED && !considerEarlyStopped)) {
            return OptionalDouble.empty();
        }
        Result last = trial.lastResult().orElse(null);
        Double value = last == null ? null : last.metrics().get(metric);
        if (value == null || value.isNaN()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(maximize ? -value : value);
    }

    /** Tells CMA-ES a complete generation, if there is one, and restarts when IPOP says so. */
    private void update() {
        if (cma == null || evaluated.size() < cma.p.popsize) {
            return;
        }
        evaluated.sort(Comparator.comparingLong(CmaEsState.Evaluated::index));
        int lambda = cma.p.popsize;
        double[][] xs = new double[lambda][];
        double[] values = new double[lambda];
        for (int k = 0; k < lambda; k++) {
            xs[k] = Vectors.array(evaluated.get(k).x());
            values[k] = evaluated.get(k).value();
        }
        evaluated.clear();
        cma.tell(xs, values);
        if (restart == RestartStrategy.IPOP && cma.shouldStop()) {
            int generations = cma.generation;
            restarts++;
            SplittableRandom random = Draws.stream(seed, -1L - restarts);
            double[] start = new double[layout.dim()];
            for (int i = 0; i < start.length; i++) {
                start[i] = random.nextDouble();
            }
            cma = fresh(lambda * 2, start);
            LOG.info("CMA-ES converged after {} generations; IPOP restart {} with population {}",
                    generations, restarts, lambda * 2);
        }
    }

    /** The whole state of the search, to save; see {@link #restore}. */
    public CmaEsState state() {
        requireStarted();
        List<CmaEsState.Pending> open = new ArrayList<>(pending.values());
        open.sort(Comparator.comparingLong(CmaEsState.Pending::index));
        if (cma == null) {
            return new CmaEsState(seed, suggestions, results, restarts, 0, 0, 0, List.of(), List.of(), List.of(),
                    List.of(), List.of(), open, evaluated);
        }
        return new CmaEsState(seed, suggestions, results, restarts, cma.p.popsize, cma.generation, cma.sigma,
                Vectors.list(cma.mean), Vectors.rows(cma.covarianceToSave()), Vectors.list(cma.pSigma),
                Vectors.list(cma.pc), Vectors.list(cma.funHist), open, evaluated);
    }

    /**
     * Continues from {@code state}, saved by a search of the same space with the same options:
     * call after {@link #start}, which sets the space and the objective. The next suggestions are
     * those the saved search would have made.
     */
    public void restore(CmaEsState state) {
        requireStarted();
        Objects.requireNonNull(state, "state");
        int dim = layout.dim();
        if (state.mean().size() != dim) {
            throw new IllegalArgumentException("the state is for " + state.mean().size()
                    + " numeric coordinates, but this space has " + dim);
        }
        if (dim > 0) {
            CmaParameters parameters = new CmaParameters(dim, state.popsize());
            if (state.recentValues().size() != 2 * parameters.funHistTerm) {
                throw new IllegalArgumentException("the state keeps " + state.recentValues().size()
                        + " recent values, but population " + state.popsize() + " needs " + 2 * parameters.funHistTerm);
            }
            cma = new Cma(parameters, Vectors.array(state.mean()), state.sigma(), Vectors.matrix(state.covariance()),
                    Vectors.array(state.pSigma()), Vectors.array(state.pC()), state.generation(),
                    Vectors.array(state.recentValues()), layout.lower(), layout.upper(), Math.max(sigma0, MIN_SIGMA));
        }
        seed = state.seed();
        suggestions = state.suggestions();
        results = state.results();
        restarts = state.restarts();
        pending.clear();
        for (CmaEsState.Pending open : state.pending()) {
            pending.put(open.trialId(), open);
        }
        evaluated.clear();
        evaluated.addAll(state.evaluated());
    }

    private void requireStarted() {
        if (layout == null) {
            throw new IllegalStateException("CmaEsSearch.start(problem) must be called first");
        }
    }

    /**
     * {@code CMA-ES (1 random start-up trial, then generations of 8 trials)}: the population once
     * started, else its rule; and IPOP's restarts when on.
     */
    @Override
    public String describe() {
        if (layout != null && cma == null) {
            return "CMA-ES, with no number to model (every value drawn at random)";
        }
        String population = cma != null ? Integer.toString(cma.p.popsize)
                : popsize > 0 ? Integer.toString(popsize) : "4 + floor(3 ln d)";
        return "CMA-ES (" + startupTrials + (startupTrials == 1 ? " random start-up trial" : " random start-up trials")
                + ", then generations of " + population + " trials"
                + (restart == RestartStrategy.IPOP ? "; once converged, restarts with twice the population)" : ")");
    }

    @Override
    public String toString() {
        return "CmaEsSearch";
    }

    /**
     * The options of a {@link CmaEsSearch}. Defaults are Optuna's: one start-up trial, a step size
     * of 1/6 of the unit box, population {@code 4 + floor(3 ln d)} for {@code d} coordinates, no
     * restart, early-stopped trials not told.
     */
    public static final class Builder {

        private int startupTrials = 1;
        private double sigma0 = 1.0 / 6;
        private int popsize;
        private RestartStrategy restart = RestartStrategy.NONE;
        private boolean considerEarlyStopped;

        private Builder() {
        }

        /**
         * How many trials must end with a value before CMA-ES samples (Optuna's {@code n_startup_trials}); 0 or
         * more.
         */
        public Builder startupTrials(int startupTrials) {
            if (startupTrials < 0) {
                throw new IllegalArgumentException("startupTrials must be 0 or more, got " + startupTrials);
            }
            this.startupTrials = startupTrials;
            return this;
        }

        /** The initial step size in the unit box (each bounded coordinate spans 1); positive. */
        public Builder sigma0(double sigma0) {
            if (!(sigma0 > 0) || !Double.isFinite(sigma0)) {
                throw new IllegalArgumentException("sigma0 must be a positive number, got " + sigma0);
            }
            this.sigma0 = sigma0;
            return this;
        }

        /** The population size: solutions told per generation; at least 2. */
        public Builder popsize(int popsize) {
            if (popsize < 2) {
                throw new IllegalArgumentException("popsize must be at least 2, got " + popsize);
            }
            this.popsize = popsize;
            return this;
        }

        /** What to do when the distribution has converged. */
        public Builder restart(RestartStrategy restart) {
            this.restart = Objects.requireNonNull(restart, "restart");
            return this;
        }

        /**
         * Whether trials stopped early by a scheduler are told with their last value (Optuna's
         * {@code consider_pruned_trials}); false by default, as Optuna.
         */
        public Builder considerEarlyStopped(boolean considerEarlyStopped) {
            this.considerEarlyStopped = considerEarlyStopped;
            return this;
        }

        public CmaEsSearch build() {
            return new CmaEsSearch(this);
        }
    }
}
