package dev.tune.bench;

import dev.tune.Mode;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * B3, intermediate-result throughput: 200 trials of Random search, each reporting {@code x + 1/t}
 * at t = 1..100 with the scheduler deciding after every report. One trial at a time, as Optuna
 * ran it. The figure is the reports actually made (schedulers cut trials) per second of wall
 * time, in memory and persisted to a temporary results directory deleted afterwards.
 */
final class B3Reports {

    static final int TRIALS = 200;
    static final int STEPS = 100;
    private static final double TARGET_RATIO = 10;
    /** Runs of 200 trials last milliseconds: the JIT needs a few dozen of them, so warm up for a while. */
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final int WARM_UP_MAX_RUNS = 40;

    /** A scheduler case; {@code scheduler} is null while the engine has no such scheduler. */
    private record Case(String id, String description, String optunaName, double optunaPerS, int optunaReports,
            Supplier<Scheduler> scheduler) {
    }

    private static final List<Case> CASES = List.of(
            new Case("none", "FIFO", "no pruner", 33_840, 20_000, FifoScheduler::new),
            new Case("median", "MedianStoppingRule(ITERATION, grace 0, minSamplesRequired 5)",
                    "MedianPruner", 3_334, 4_655,
                    () -> new MedianStoppingRule(TimeAttribute.ITERATION, "value", Mode.MIN, 0, 5)),
            new Case("asha", "AsyncHyperBandScheduler(ITERATION, maxT 100, grace 1, rf 3, 1 bracket)",
                    "SuccessiveHalvingPruner", 6_919, 1_961,
                    () -> new AsyncHyperBandScheduler(TimeAttribute.ITERATION, "value", Mode.MIN, STEPS, 1, 3, 1)),
            new Case("hyperband", "HyperBandScheduler(ITERATION, maxT 100, rf 3), synchronous", "HyperbandPruner",
                    5_017, 4_004, () -> new HyperBandScheduler(TimeAttribute.ITERATION, "value", Mode.MIN, STEPS, 3)));

    private B3Reports() {
    }

    /** The trial of BENCHMARKS.md: {@code x ~ U(0,1)}, reporting {@code x + 1/t} for t = 1..100. */
    @Trainable(metric = "value", mode = Mode.MIN)
    static void curve(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        for (int t = 1; t <= STEPS; t++) {
            context.report("value", x + 1.0 / t);
        }
    }

    /** Runs every case in memory and persisted, each with a warm-up and {@code repeats} timed runs. */
    static List<String> run(int repeats, PrintStream out) {
        out.printf("B3: %d trials x up to %d reports, Random search (seed 0, as Optuna's RandomSampler(seed=0)), one"
                + " trial at a time (maxConcurrentTrials 1, as Optuna ran it); target at least %sx Optuna's reports/s"
                + " (Optuna measured in memory only)%n", TRIALS, STEPS, ResultLine.plain(TARGET_RATIO, 0));
        Experiment experiment = experiment();
        List<String> results = new ArrayList<>();
        for (Case c : CASES) {
            if (c.scheduler() == null) {
                out.printf("B3 %s: %s comes with a later issue; no RESULT line for it (Optuna: %,d reports/s)%n",
                        c.id(), c.description(), (long) c.optunaPerS());
                continue;
            }
            for (boolean persisted : new boolean[] {false, true}) {
                results.add(runCase(experiment, c, persisted, repeats, out));
            }
        }
        return results;
    }

    private static String runCase(Experiment experiment, Case c, boolean persisted, int repeats, PrintStream out) {
        String name = c.id() + "-" + (persisted ? "persisted" : "memory");
        List<Path> written = new ArrayList<>();
        int warmUps = 0;
        for (long start = System.nanoTime(); warmUps < WARM_UP_MAX_RUNS
                && (warmUps == 0 || System.nanoTime() - start < WARM_UP_NANOS); warmUps++) {
            once(experiment, c, persisted, 1, written);
        }
        out.printf("B3 %s: %s; warm-up: %d run(s) of %d trials (seed 1)%n", name, c.description(), warmUps, TRIALS);
        if (persisted) {
            double micros = DiskProbe.microsPerTrial(1_000);
            out.printf("  disk now: %s us to create a directory and 3 small files (one thread); for %d trials that"
                    + " alone is %s s%n", ResultLine.plain(micros, 1), TRIALS,
                    ResultLine.plain(micros * TRIALS / 1e6, 3));
        }
        double[] rates = new double[repeats];
        double[] reports = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Run run = once(experiment, c, persisted, 0, written);
            rates[i] = run.reports() / run.seconds();
            reports[i] = run.reports();
            out.printf("  repeat %d: %,d reports in %s s, %s reports/s, %d trials stopped early%s%n", i + 1,
                    run.reports(), ResultLine.plain(run.seconds(), 3), ResultLine.plain(rates[i], 0), run.stopped(),
                    run.problem());
        }
        written.forEach(ScratchDirs::delete);
        double rate = Stats.median(rates);
        long count = Math.round(Stats.median(reports));
        double ratio = rate / c.optunaPerS();
        out.printf("B3 %s, median of %d: %,d reports, %s reports/s; against Optuna %s (%,d reports, %,d reports/s,"
                + " in memory): %sx, target at least %sx: %s%n", name, repeats, count, ResultLine.plain(rate, 0),
                c.optunaName(), c.optunaReports(), (long) c.optunaPerS(), ResultLine.plain(ratio, 1),
                ResultLine.plain(TARGET_RATIO, 0), ratio >= TARGET_RATIO ? "met" : "MISSED");
        return ResultLine.of("B3", name).count("reports", count).decimal("reports_per_s", rate, 1).toString();
    }

    private static Experiment experiment() {
        try {
            return Experiment.of(B3Reports.class.getDeclaredMethod("curve", double.class, TrialContext.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run once(Experiment experiment, Case c, boolean persisted, long seed, List<Path> written) {
        TuneOptions.Builder options = TuneOptions.builder().samples(TRIALS).seed(seed).searcher("random")
                .scheduler(c.scheduler()).maxConcurrentTrials(1).verbose(0);
        if (persisted) {
            Path dir = ScratchDirs.create("tune-bench-b3-");
            written.add(dir);
            options.storagePath(dir);
        } else {
            options.inMemory();
        }
        long start = System.nanoTime();
        ExperimentResult result = Tuner.run(experiment, options.build());
        double seconds = (System.nanoTime() - start) / 1e9;
        long reports = 0;
        int stopped = 0;
        for (Trial trial : result.trials()) {
            reports += trial.iterations();
            stopped += trial.iterations() < STEPS ? 1 : 0;
        }
        return new Run(seconds, reports, stopped, result.trials().size(), result.errors().size());
    }

    /** One timed run; {@code ran} and {@code errors} tell whether the engine did all it was asked. */
    private record Run(double seconds, long reports, int stopped, int ran, int errors) {
        String problem() {
            return ran == TRIALS && errors == 0 ? ""
                    : " (ENGINE: " + ran + " of " + TRIALS + " trials, " + errors + " errors)";
        }
    }

}
