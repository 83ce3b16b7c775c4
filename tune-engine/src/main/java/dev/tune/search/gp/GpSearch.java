package dev.tune.search.gp;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gaussian-process Bayesian optimisation, as Optuna's {@code GPSampler}: after {@code startupTrials}
 * random trials, each suggestion fits a Gaussian process to the completed trials and proposes the
 * point of highest log expected improvement.
 *
 * <ul>
 *   <li><b>Model.</b> Matérn 5/2 kernel with one lengthscale per coordinate (ARD), a kernel scale
 *       and a noise variance, fitted by maximising the marginal likelihood with Optuna's priors,
 *       warm-started from the previous fit ({@link KernelFit}), to the standardised values and to
 *       log-warped ones, keeping the warp of higher marginal likelihood ({@link OutputWarp}; Optuna
 *       does not warp). Inputs in [0, 1] (log domains on a
 *       log scale; int and quantised values on their grid), categorical values compared by
 *       equality (a Hamming term per categorical coordinate); values standardised
 *       ({@link GpSpace}, {@link Dimension}).</li>
 *   <li><b>Acquisition.</b> Log expected improvement over the best completed value, computed
 *       stably far in the tail ({@link LogEi}), maximised from 2048 quasi-random points and 10
 *       local searches: quasi-Newton on continuous coordinates, discrete search on int and
 *       categorical ones ({@link AcquisitionOptimizer}).</li>
 *   <li><b>Trials.</b> Only trials that completed with a value are modelled, as Optuna's
 *       {@code GPSampler} uses only {@code COMPLETE} trials: failed and cancelled trials, and trials
 *       a scheduler stopped early, are ignored. Running trials are the kriging believer: each counts
 *       as observed at the model's mean there, which leaves the mean as it was and shrinks the
 *       uncertainty around it, so suggestions made in parallel differ (Optuna 4.9 fantasises them
 *       with q-batch log EI; the constant liar at the worst value, tried first, bent the whole mean
 *       of a smooth model and lost most of the gain at 4 trials at a time).</li>
 *   <li><b>Space.</b> Non-conditional float, int, normal and categorical hyperparameters with more
 *       than one value are modelled; grid, conditional and single-valued ones are drawn at random,
 *       constants copied and sample-from values computed, as CMA-ES does.</li>
 *   <li><b>Reproducible.</b> Suggestion k draws from a random stream fixed by the seed and k, and
 *       the model depends only on what was told before it, so a resumed run replays exactly.</li>
 * </ul>
 * One objective only: an experiment with several is refused at {@link #start}.
 */
public final class GpSearch implements Searcher {

    private static final Logger LOG = LoggerFactory.getLogger(GpSearch.class);
    /**
     * The output warps tried at each suggestion ({@link OutputWarp}): the identity, and the log warp with delta
     * 0.1.
     */
    private static final double[] WARPS = {Double.POSITIVE_INFINITY, 0.1};
    /**
     * Up to this many completed trials the kernel and warp are fitted at every suggestion; beyond,
     * once the trials grew by 2% since the last fit (every 10 trials at 500), the last fit is kept
     * and only the posterior is computed again: a fit costs two dozen Cholesky factorisations,
     * and the fitted parameters barely move between neighbouring trial counts.
     */
    static final int FIT_EVERY_TIME = 200;

    private final int startupTrials;
    private final int candidates;
    private final int localSearches;

    private GpSpace layout;
    private String metric;
    private boolean maximize;
    private long samples;
    private long seed;
    private long suggested;
    private KernelParams cache;
    private int fittedAt;
    private double fittedWarp;
    private final List<double[]> xs = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final Map<String, double[]> running = new LinkedHashMap<>();

    /** Optuna's defaults: 10 random start-up trials, 2048 candidates, 10 local searches. */
    public GpSearch() {
        this(10, 2048, 10);
    }

    /**
     * A GP search with {@code startupTrials} random trials first (0 or more), {@code candidates}
     * quasi-random points scored per suggestion and {@code localSearches} local searches (at least 2).
     */
    public GpSearch(int startupTrials, int candidates, int localSearches) {
        if (startupTrials < 0 || candidates < 1 || localSearches < 2) {
            throw new IllegalArgumentException("startupTrials must be 0 or more, candidates at least 1 and"
                    + " localSearches at least 2, got " + startupTrials + ", " + candidates + ", " + localSearches);
        }
        this.startupTrials = startupTrials;
        this.candidates = candidates;
        this.localSearches = localSearches;
    }

    @Override
    public void start(SearchProblem problem) {
        Objective objective = problem.objective();
        if (objective.isMultiObjective()) {
            throw new IllegalArgumentException("gp optimises one metric, but this experiment optimises "
                    + objective.metrics() + ": name one metric, or use tpe or nsga2");
        }
        metric = objective.metric();
        maximize = objective.mode() == Mode.MAX;
        layout = new GpSpace(problem.space());
        samples = problem.limit();
        seed = problem.seed();
        suggested = 0;
        cache = null;
        fittedAt = 0;
        xs.clear();
        losses.clear();
        running.clear();
        LOG.debug("GP over {} coordinates", layout.dim());
    }

    @Override
    public Suggestion suggest(String trialId) {
        return suggest(trialId, (int) suggested + 1);
    }

    /** Draws from {@code number}, the trial's own random stream. */
    @Override
    public Suggestion suggest(String trialId, int number) {
        if (layout == null) {
            throw new IllegalStateException("GpSearch.start(problem) must be called before suggest");
        }
        if (suggested >= samples) {
            return Suggestion.finished();
        }
        suggested++;
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * number));
        SplittableRandom modelRandom = random.split();
        double[] x = layout.dim() > 0 && xs.size() >= Math.max(1, startupTrials) ? model(modelRandom) : null;
        Config config = layout.config(x, random);
        double[] told = layout.encode(config);
        if (told != null) {
            running.put(trialId, told);
        }
        return Suggestion.of(config);
    }

    /** The coordinates of highest log expected improvement under the GP of the completed trials. */
    private double[] model(SplittableRandom random) {
        int n = xs.size();
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = losses.get(i);
        }
        double[][] x = xs.toArray(new double[0][]);
        boolean[] categorical = layout.categorical();
        double[] y = null;
        KernelParams params = null;
        if (cache == null || n <= FIT_EVERY_TIME || n - fittedAt >= Math.max(1, n / 50)) {
            double evidence = Double.NEGATIVE_INFINITY;
            for (double delta : WARPS) {
                OutputWarp warp = new OutputWarp(raw, delta);
                KernelFit.Fit fit = KernelFit.fitWithLoss(x, warp.targets(), categorical, cache);
                double score = -fit.loss() + warp.logJacobian();
                if (y == null || score > evidence) {
                    y = warp.targets();
                    params = fit.params();
                    evidence = score;
                    fittedWarp = delta;
                }
            }
            fittedAt = n;
        } else {
            y = new OutputWarp(raw, fittedWarp).targets();
            params = cache;
        }
        int best = 0;
        for (int i = 0; i < n; i++) {
            best = y[i] > y[best] ? i : best;
        }
        cache = params;
        double incumbent = y[best];
        GaussianProcess gp = new GaussianProcess(x, y, categorical, params);
        if (!running.isEmpty()) {
            // the kriging believer: each running trial counts as observed, without noise, at the posterior mean
            // there, so the model's mean stays as the completed trials made it, and its uncertainty there vanishes
            double[][] all = new double[n + running.size()][];
            double[] values = new double[all.length];
            System.arraycopy(x, 0, all, 0, n);
            System.arraycopy(y, 0, values, 0, n);
            double[] posterior = new double[2];
            int i = n;
            for (double[] pending : running.values()) {
                gp.posterior(pending, posterior, null, null);
                all[i] = pending;
                values[i++] = posterior[0];
                incumbent = Math.max(incumbent, posterior[0]); // a believed value counts as seen, as fantasies do
            }
            gp = new GaussianProcess(all, values, categorical, params, running.size());
        }
        Acquisition acquisition = new Acquisition(gp, incumbent);
        return new AcquisitionOptimizer(layout, acquisition, params).maximize(List.of(x[best]), candidates,
                localSearches, random);
    }

    /** Another worker's trial runs: the kriging believer counts it, and it counts towards the samples. */
    @Override
    public void onTrialAdded(Trial trial) {
        suggested++;
        double[] told = layout == null ? null : layout.encode(trial.config());
        if (told != null) {
            running.put(trial.id(), told);
        }
    }

    /** False: the Gaussian process learns from completed trials only. */
    @Override
    public boolean readsResults() {
        return false;
    }

    /** True: the kriging believer counts running trials, and an end counts whenever it comes. */
    @Override
    public boolean suggestsAhead() {
        return true;
    }

    /** True: it proposes the maximum of its acquisition, which copies that know the same trials share. */
    @Override
    public boolean suggestsAlike() {
        return true;
    }

    @Override
    public void onTrialComplete(Trial trial) {
        double[] x = running.remove(trial.id());
        if (x == null) {
            x = layout == null ? null : layout.encode(trial.config());
        }
        OptionalDouble loss = loss(trial);
        if (x == null || loss.isEmpty()) {
            return;
        }
        xs.add(x);
        losses.add(loss.getAsDouble());
    }

    /** The value to minimise that {@code trial} completed with, or empty when it is not modelled. */
    private OptionalDouble loss(Trial trial) {
        if (trial.status() != TrialStatus.TERMINATED) {
            return OptionalDouble.empty();
        }
        Termination termination = trial.termination().orElse(Termination.COMPLETED);
        if (termination == Termination.CANCELLED || termination == Termination.EARLY_STOPPED) {
            return OptionalDouble.empty();
        }
        Result last = trial.lastResult().orElse(null);
        Double value = last == null ? null : last.metrics().get(metric);
        if (value == null || value.isNaN()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(maximize ? -value : value);
    }

    /** {@code Gaussian-process search (Matérn 5/2 kernel, log expected improvement, 10 random start-up trials)}. */
    @Override
    public String describe() {
        return "Gaussian-process search (Matérn 5/2 kernel, log expected improvement, " + startupTrials
                + (startupTrials == 1 ? " random start-up trial)" : " random start-up trials)");
    }

    @Override
    public String toString() {
        return "GpSearch(startup=" + startupTrials + ", candidates=" + candidates + ", localSearches="
                + localSearches + ")";
    }
}
