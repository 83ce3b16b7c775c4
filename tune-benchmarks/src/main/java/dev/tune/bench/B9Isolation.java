package dev.tune.bench;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.process.ChildLauncher;
import dev.tune.result.ExperimentResult;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * B9, trials in their own JVMs: B2's shape (1,000 trials of 20 ms, one result each, 2 at a time)
 * in threads, in child JVMs reused across trials ({@code tune.isolation=process}) and in a fresh
 * child JVM per trial ({@code tune.isolation.jvmPerTrial}), in one run; then a child JVM's start-up
 * on its own (the median of several). The bar: process mode with reuse within +10% of threads. Each
 * mode has a warm-up run first; the reused children started by it serve the timed runs, as they
 * serve the experiments that follow one another in a JVM, so the children's start-up is the
 * separate figure and not in the timed runs.
 */
final class B9Isolation {

    static final int TRIALS = 1_000;
    private static final int SLOTS = 2;
    private static final int WARM_UP_TRIALS = 100;
    private static final int START_SAMPLES = 11;
    private static final double BAR_PCT = 10;

    private B9Isolation() {
    }

    /** B2's trial: sample x and y, sleep 20 ms, report {@code x + y} once. */
    @Trainable(metric = "value", mode = Mode.MIN)
    static double sleepy(@Uniform(lower = 0, upper = 1) double x, @Uniform(lower = 0, upper = 1) double y)
            throws InterruptedException {
        Thread.sleep(20);
        return x + y;
    }

    static List<String> run(int repeats, int trials, PrintStream out) {
        Experiment experiment = experiment();
        out.printf("B9: %,d trials of 20 ms, %d at a time, in threads, in reused child JVMs and in a fresh JVM per"
                + " trial; bar: reused children within +%s%% of threads%n", trials, SLOTS, ResultLine.plain(BAR_PCT, 0));
        double thread = median(experiment, "thread", trials, repeats, out);
        double reuse = median(experiment, "process-reuse", trials, repeats, out);
        double fresh = median(experiment, "process-fresh", trials, 1, out);
        double start = startUpMillis(experiment, out);
        List<String> results = new ArrayList<>();
        results.add(line("thread", trials, thread, thread, start));
        results.add(line("process-reuse", trials, reuse, thread, start));
        results.add(line("process-fresh", trials, fresh, thread, start));
        double overhead = (reuse - thread) / thread * 100;
        out.printf("B9 process-reuse: %s%% over threads (%s ms a trial), bar at most +%s%%: %s%n",
                ResultLine.plain(overhead, 2), ResultLine.plain((reuse - thread) * 1000 * SLOTS / trials, 3),
                ResultLine.plain(BAR_PCT, 0), overhead <= BAR_PCT ? "met" : "MISSED");
        return results;
    }

    private static String line(String mode, int trials, double wall, double thread, double startMs) {
        return ResultLine.of("B9", mode).count("trials", trials).decimal("wall_s", wall, 3)
                .decimal("overhead_pct", (wall - thread) / thread * 100, 2)
                .decimal("ms_per_trial", (wall - thread) * 1000 * SLOTS / trials, 3)
                .decimal("jvm_start_ms", startMs, 1).toString();
    }

    private static double median(Experiment experiment, String mode, int trials, int repeats, PrintStream out) {
        if (!mode.equals("process-fresh")) {
            double warmUp = once(experiment, mode, WARM_UP_TRIALS, -1);
            out.printf("  %s, warm-up of %d trials: %s s%s%n", mode, WARM_UP_TRIALS, ResultLine.plain(warmUp, 3),
                    mode.equals("process-reuse") ? " (its two children start, then wait for the runs below, as"
                            + " children wait between the experiments of one JVM)" : "");
        }
        double[] walls = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            walls[i] = once(experiment, mode, trials, i);
            out.printf("  %s, repeat %d: %s s%n", mode, i + 1, ResultLine.plain(walls[i], 3));
        }
        return Stats.median(walls);
    }

    private static double once(Experiment experiment, String mode, int trials, long seed) {
        TuneOptions.Builder options = TuneOptions.builder().samples(trials).seed(seed).searcher("random")
                .maxConcurrentTrials(SLOTS).set(TuneOption.CPU, 0.0).verbose(0).inMemory();
        if (!mode.equals("thread")) {
            options.set(TuneOption.ISOLATION, "process").set(TuneOption.ISOLATION_JVM_PER_TRIAL,
                    mode.equals("process-fresh"));
        }
        long start = System.nanoTime();
        ExperimentResult result = Tuner.run(experiment, options.build());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.trials().size() != trials || !result.errors().isEmpty()) {
            throw new IllegalStateException("B9 " + mode + ": " + result.trials().size() + " of " + trials
                    + " trials, " + result.errors().size() + " errors");
        }
        return seconds;
    }

    /** The median time from a child's start to its first word, one child at a time. */
    private static double startUpMillis(Experiment experiment, PrintStream out) {
        ChildLauncher launcher = ChildLauncher.of(experiment, TuneOptions.builder().build());
        double[] millis = new double[START_SAMPLES];
        try {
            for (int i = 0; i < millis.length; i++) {
                millis[i] = launcher.timeStart().toNanos() / 1e6;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double median = Stats.median(millis);
        out.printf("  child JVM start-up, median of %d: %s ms%n", START_SAMPLES, ResultLine.plain(median, 1));
        return median;
    }

    private static Experiment experiment() {
        try {
            return Experiment.of(B9Isolation.class.getDeclaredMethod("sleepy", double.class, double.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
