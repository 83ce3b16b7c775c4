package dev.tune.bench;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.PrintStream;
import java.util.List;

/**
 * B1, sequential driver overhead with Random search: 10,000 trials of a no-op objective, one at a
 * time, results in memory, no console output. What is left is the cost of the tuner itself:
 * sampling, bookkeeping, invoking the trainable, callbacks.
 */
final class B1Random {

    static final int TRIALS = 10_000;
    private static final int WARM_UP_TRIALS = 10_000;
    private static final double OPTUNA_TRIALS_PER_S = 2_411;
    private static final double TARGET_RATIO = 10;

    private B1Random() {
    }

    /** The objective of BENCHMARKS.md: {@code 1 + 1e-9 (x + y)}, minimised. */
    @Trainable(metric = "value", mode = Mode.MIN)
    static double noop(@Uniform(lower = 0, upper = 1) double x, @Uniform(lower = 0, upper = 1) double y) {
        return 1 + 1e-9 * (x + y);
    }

    /** Runs the warm-up and {@code repeats} timed runs, printing each; returns the RESULT line. */
    static List<String> run(int repeats, PrintStream out) {
        Experiment experiment = experiment();
        out.printf("B1 random: warm-up, %,d trials%n", WARM_UP_TRIALS);
        Run warmUp = once(experiment, "random", WARM_UP_TRIALS, -1);
        out.printf("  warm-up: %s s%n", ResultLine.plain(warmUp.seconds, 3));

        double[] seconds = new double[repeats];
        double[] first = new double[repeats];
        double[] last = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Run run = once(experiment, "random", TRIALS, i);
            seconds[i] = run.seconds;
            first[i] = run.firstMs;
            last[i] = run.lastMs;
            out.printf("  repeat %d: %s s, %s trials/s, ms/trial first 10%% %s, last 10%% %s%s%n", i + 1,
                    ResultLine.plain(run.seconds, 3), ResultLine.plain(TRIALS / run.seconds, 1),
                    ResultLine.plain(run.firstMs, 4), ResultLine.plain(run.lastMs, 4), run.problem());
        }

        double median = Stats.median(seconds);
        double rate = TRIALS / median;
        double ratio = rate / OPTUNA_TRIALS_PER_S;
        out.printf("B1 random, median of %d: %s s, %s trials/s, ms/trial first 10%% %s, last 10%% %s%n", repeats,
                ResultLine.plain(median, 3), ResultLine.plain(rate, 1),
                ResultLine.plain(Stats.median(first), 4), ResultLine.plain(Stats.median(last), 4));
        out.printf("  against Optuna Random (2,411 trials/s, 0.41 ms/trial): %sx, target at least %sx: %s%n",
                ResultLine.plain(ratio, 1), ResultLine.plain(TARGET_RATIO, 0),
                ratio >= TARGET_RATIO ? "met" : "MISSED");
        return List.of(ResultLine.of("B1", "random").count("trials", TRIALS).decimal("seconds", median, 3)
                .decimal("trials_per_s", rate, 1).toString());
    }

    /** The experiment of {@link #noop}, shared with {@link B1ModelBased}. */
    static Experiment experiment() {
        try {
            return Experiment.of(B1Random.class.getDeclaredMethod("noop", double.class, double.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One timed run of {@code trials} trials with the searcher named {@code searcher}. */
    static Run once(Experiment experiment, String searcher, int trials, long seed) {
        TrialClock clock = new TrialClock(trials);
        TuneOptions options = TuneOptions.builder().samples(trials).seed(seed).searcher(searcher)
                .maxConcurrentTrials(1).inMemory().verbose(0).callbacks(clock).build();
        long start = System.nanoTime();
        ExperimentResult result = Tuner.run(experiment, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        int tenth = trials / 10;
        return new Run(seconds, clock.firstMsPerTrial(tenth), clock.lastMsPerTrial(tenth), trials,
                result.trials().size(), result.errors().size());
    }

    /** One timed run; {@code ran} and {@code errors} tell whether the engine did all it was asked. */
    record Run(double seconds, double firstMs, double lastMs, int asked, int ran, int errors) {
        String problem() {
            return ran == asked && errors == 0 ? ""
                    : " (ENGINE: " + ran + " of " + asked + " trials, " + errors + " errors)";
        }
    }
}
