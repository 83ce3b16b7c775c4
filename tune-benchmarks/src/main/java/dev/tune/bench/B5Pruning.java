package dev.tune.bench;

import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.QRandInt;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.run.Tuner;
import dev.tune.schedule.AsyncHyperBandScheduler;
import dev.tune.schedule.FifoScheduler;
import dev.tune.schedule.HyperBandScheduler;
import dev.tune.schedule.MedianStoppingRule;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.TimeAttribute;
import dev.tune.trainable.Experiment;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * B5, multi-fidelity tuning on the synthetic learning curves of {@link LearningCurve}: 81 epochs
 * per trial, one result per epoch, seeds 0..9, one trial at a time, in memory. Mode A runs
 * exactly 100 trials; mode B runs until exactly 8,100 epochs are spent ({@link EpochBudget}),
 * at most 5,000 trials. The curve is checked against the Python reference first. The objective
 * is nearly free, so the wall time per run is the tuner's own cost.
 */
final class B5Pruning {

    static final int EPOCHS = 81;
    static final int SEEDS = 10;
    private static final int MODE_A_TRIALS = 100;
    static final long MODE_B_EPOCHS = 8_100;
    private static final int MODE_B_CAP = 5_000;
    private static final long WARM_UP_SEED = 1_000;
    private static final int WARM_UP_RUNS = 3;

    /** A method of BENCHMARKS.md that tune has now; {@code optunaId} names Optuna's counterpart. */
    record Method(String id, String optunaId, String description, String searcher, Supplier<Scheduler> scheduler) {
    }

    static final List<Method> METHODS = List.of(
            new Method("random_nopruning", "random_nopruning", "Random search, FIFO (no pruning)", "random",
                    FifoScheduler::new),
            new Method("random_asha", "random_sha", "Random search + AsyncHyperBandScheduler(ITERATION, maxT 81,"
                    + " grace 1, rf 3, 1 bracket): rungs at 1, 3, 9, 27, and 81 ends the trial", "random",
                    () -> new AsyncHyperBandScheduler(TimeAttribute.ITERATION, "loss", Mode.MIN, EPOCHS, 1, 3, 1)),
            new Method("random_hyperband", "random_hyperband", "Random search + HyperBandScheduler(ITERATION, maxT 81,"
                    + " rf 3): synchronous, 5 brackets", "random",
                    () -> new HyperBandScheduler(TimeAttribute.ITERATION, "loss", Mode.MIN, EPOCHS, 3)),
            new Method("random_async_hyperband", "random_hyperband", "Random search + AsyncHyperBandScheduler("
                    + "ITERATION, maxT 81, grace 1, rf 3, 5 brackets): Ray's asynchronous HyperBand, shaped like"
                    + " Optuna's HyperbandPruner (one asynchronous successive-halving pruner per bracket)", "random",
                    () -> new AsyncHyperBandScheduler(TimeAttribute.ITERATION, "loss", Mode.MIN, EPOCHS, 1, 3, 5)),
            new Method("tpe_hyperband", "tpe_hyperband", "TPE (defaults)"
                    + " + HyperBandScheduler(ITERATION, maxT 81, rf 3): BOHB-style, synchronous", "tpe",
                    () -> new HyperBandScheduler(TimeAttribute.ITERATION, "loss", Mode.MIN, EPOCHS, 3)),
            new Method("tpe_async_hyperband", "tpe_hyperband", "TPE (defaults) + AsyncHyperBandScheduler(ITERATION,"
                    + " maxT 81, grace 1, rf 3, 5 brackets)", "tpe",
                    () -> new AsyncHyperBandScheduler(TimeAttribute.ITERATION, "loss", Mode.MIN, EPOCHS, 1, 3, 5)),
            new Method("bohb_hyperband", "tpe_hyperband", "BOHB (multivariate TPE, compared at one budget) +"
                    + " HyperBandScheduler(ITERATION, maxT 81, rf 3): Ray's TuneBOHB with HyperBand", "bohb",
                    () -> new HyperBandScheduler(TimeAttribute.ITERATION, "loss", Mode.MIN, EPOCHS, 3)),
            new Method("bohb_async_hyperband", "tpe_hyperband", "BOHB + AsyncHyperBandScheduler(ITERATION, maxT 81,"
                    + " grace 1, rf 3, 5 brackets)", "bohb",
                    () -> new AsyncHyperBandScheduler(TimeAttribute.ITERATION, "loss", Mode.MIN, EPOCHS, 1, 3, 5)),
            new Method("tpe_median", "tpe_median", "TPE (defaults) + MedianStoppingRule(ITERATION, grace 0,"
                    + " 5 start-up trials): checked after every epoch", "tpe",
                    () -> new MedianStoppingRule(TimeAttribute.ITERATION, "loss", Mode.MIN, 0, 5)));

    /** Every method's id, the default of {@code --searchers} for B5. */
    static final List<String> METHOD_IDS = METHODS.stream().map(Method::id).toList();

    /** The two modes: a trial count, or an epoch budget. */
    enum Budget {
        A("exactly 100 trials"),
        B("exactly 8,100 epochs in total, the trial running then cut and counted as pruned; cap 5,000 trials");

        final String description;

        Budget(String description) {
            this.description = description;
        }
    }

    /** The figures of one run; {@code regret} and the losses are NaN when no trial reached epoch 81. */
    record RunFigures(double bestObserved, double trueFinal, double regret, long epochs, int trials, int completed,
            double seconds, int errors) {
    }

    private B5Pruning() {
    }

    /** The objective of BENCHMARKS.md: reports {@code loss(t)} after every epoch t = 1..81. */
    @Trainable(metric = "loss", mode = Mode.MIN)
    static void train(@LogUniform(lower = 1e-4, upper = 1) double lr, @QRandInt(lower = 16, upper = 512) int width,
            @Uniform(lower = 0, upper = 0.5) double dropout, TrialContext context) {
        LearningCurve curve = LearningCurve.of(lr, width, dropout);
        for (int t = 1; t <= EPOCHS; t++) {
            context.report("loss", curve.loss(t));
        }
    }

    /** Checks the curve, warms up, then runs every method, mode and seed {@code repeats} times. */
    static List<String> run(int repeats, List<String> ids, PrintStream out) {
        for (String id : ids) {
            if (!METHOD_IDS.contains(id)) {
                throw new IllegalArgumentException("B5 has no method " + id + "; its methods: " + METHOD_IDS);
            }
        }
        List<Method> methods = METHODS.stream().filter(m -> ids.contains(m.id())).toList();
        out.println(LearningCurveCheck.run());
        out.println("B5: lr log-uniform [1e-4, 1), width integer [16, 512], dropout uniform [0, 0.5), suggested in that"
                + " order; 81 epochs; seeds 0.." + (SEEDS - 1) + "; one trial at a time; in memory, verbose 0");
        for (Budget budget : Budget.values()) {
            out.println("  mode " + budget + ": " + budget.description);
        }
        for (Method method : methods) {
            out.println("  " + method.id() + ": " + method.description());
        }
        out.println("  completed = reached epoch 81; regret = true mean(81) of the completed trial with the lowest"
                + " observed loss(81), minus " + LearningCurve.OPTIMUM_MEAN_81);
        Experiment experiment = experiment();
        out.printf("B5 warm-up: every method and mode %d times, seeds %d..%d%n", WARM_UP_RUNS, WARM_UP_SEED,
                WARM_UP_SEED + WARM_UP_RUNS - 1);
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            for (Method method : methods) {
                for (Budget budget : Budget.values()) {
                    once(experiment, method, budget, WARM_UP_SEED + i);
                }
            }
        }
        Map<String, List<RunFigures>> figures = new LinkedHashMap<>();
        int differing = 0;
        for (Method method : methods) {
            for (Budget budget : Budget.values()) {
                List<RunFigures> runs = new ArrayList<>();
                for (int seed = 0; seed < SEEDS; seed++) {
                    RunFigures first = null;
                    double[] seconds = new double[repeats];
                    for (int r = 0; r < repeats; r++) {
                        RunFigures run = once(experiment, method, budget, seed);
                        seconds[r] = run.seconds();
                        if (first == null) {
                            first = run;
                        } else if (!sameOutcome(first, run)) {
                            differing++;
                        }
                    }
                    runs.add(withSeconds(first, Stats.median(seconds)));
                }
                figures.put(key(method, budget), runs);
            }
        }
        out.printf("B5: %d seeds x %d methods x 2 modes, each run %d time(s), wall per run the median of them;"
                + " repeats with another outcome: %d%s%n", SEEDS, methods.size(), repeats, differing,
                differing == 0 ? " (runs are reproducible from their seed)"
                        : " (NOT REPRODUCIBLE: figures from repeat 1)");
        return B5Report.print(figures, out);
    }

    static String key(Method method, Budget budget) {
        return method.id() + "/" + budget;
    }

    private static boolean sameOutcome(RunFigures a, RunFigures b) {
        return Double.compare(a.regret(), b.regret()) == 0 && a.epochs() == b.epochs() && a.trials() == b.trials()
                && a.completed() == b.completed();
    }

    private static RunFigures withSeconds(RunFigures f, double seconds) {
        return new RunFigures(f.bestObserved(), f.trueFinal(), f.regret(), f.epochs(), f.trials(), f.completed(),
                seconds, f.errors());
    }

    private static Experiment experiment() {
        try {
            return Experiment.of(B5Pruning.class.getDeclaredMethod("train", double.class, int.class, double.class,
                    TrialContext.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RunFigures once(Experiment experiment, Method method, Budget budget, long seed) {
        TuneOptions.Builder options = TuneOptions.builder().seed(seed).searcher(method.searcher())
                .scheduler(method.scheduler()).maxConcurrentTrials(1).inMemory().verbose(0);
        if (budget == Budget.A) {
            options.samples(MODE_A_TRIALS);
        } else {
            options.samples(MODE_B_CAP).stoppers(new EpochBudget(MODE_B_EPOCHS));
        }
        long start = System.nanoTime();
        ExperimentResult result = Tuner.run(experiment, options.build());
        double seconds = (System.nanoTime() - start) / 1e9;
        long epochs = 0;
        int completed = 0;
        double bestObserved = Double.NaN;
        double trueFinal = Double.NaN;
        for (Trial trial : result.trials()) {
            epochs += trial.iterations();
            if (trial.iterations() != EPOCHS || trial.lastResult().isEmpty()) {
                continue;
            }
            completed++;
            double observed = trial.lastResult().get().metric("loss");
            if (Double.isNaN(bestObserved) || observed < bestObserved) {
                bestObserved = observed;
                trueFinal = LearningCurve.of(trial.config().getDouble("lr"),
                        ((Number) trial.config().get("width")).intValue(), trial.config().getDouble("dropout"))
                        .mean(EPOCHS);
            }
        }
        return new RunFigures(bestObserved, trueFinal, trueFinal - LearningCurve.OPTIMUM_MEAN_81, epochs,
                result.trials().size(), completed, seconds, result.errors().size());
    }
}
