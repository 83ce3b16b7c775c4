package dev.tune.bench;

import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * B4's protocol for one function and one searcher: 100 trials, one at a time, in memory, verbose
 * 0, seeded with the seed, run through {@link Tuner} as users run experiments. Each seed runs
 * {@code repeats} times; regrets come from the first run, the wall time is the median of the runs,
 * and runs whose regrets differ from the first are counted (a seeded run should reproduce).
 */
final class B4Protocol {

    static final int BUDGET = 100;

    /**
     * The figures of one function and searcher over the seeds.
     *
     * @param regrets {@code regrets[c][s]}: regret after {@link B4Reference#CHECKPOINTS}{@code [c]} trials for seed s
     * @param seconds wall seconds per run for each seed (median over the repeats)
     * @param differing repeats whose regrets differ from their seed's first run
     * @param problems runs that did not complete 100 trials with a value each
     */
    record Figures(double[][] regrets, double[] seconds, int differing, int problems) {

        /** The regrets after {@code k} trials, one per seed. */
        double[] at(int k) {
            for (int c = 0; c < B4Reference.CHECKPOINTS.length; c++) {
                if (B4Reference.CHECKPOINTS[c] == k) {
                    return regrets[c].clone();
                }
            }
            throw new IllegalArgumentException("no checkpoint at " + k);
        }
    }

    /** The regrets and time of one run; {@code problem} is false when all 100 trials gave a value. */
    record Run(double[] regrets, double seconds, boolean problem) {
    }

    private B4Protocol() {
    }

    /** Runs seeds {@code 0..seeds-1}, each {@code repeats} times. */
    static Figures run(B4Function function, String searcher, int seeds, int repeats) {
        Experiment experiment = B4Trainables.experiment(function);
        double[][] regrets = new double[B4Reference.CHECKPOINTS.length][seeds];
        double[] seconds = new double[seeds];
        int differing = 0;
        int problems = 0;
        for (int seed = 0; seed < seeds; seed++) {
            Run first = null;
            double[] times = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                Run run = once(experiment, function, searcher, seed);
                times[r] = run.seconds();
                if (run.problem()) {
                    problems++;
                }
                if (first == null) {
                    first = run;
                } else if (!Arrays.equals(first.regrets(), run.regrets())) {
                    differing++;
                }
            }
            for (int c = 0; c < regrets.length; c++) {
                regrets[c][seed] = first.regrets()[c];
            }
            seconds[seed] = Stats.median(times);
        }
        return new Figures(regrets, seconds, differing, problems);
    }

    /** One run of {@link #BUDGET} trials with {@code seed}. */
    static Run once(Experiment experiment, B4Function function, String searcher, long seed) {
        TuneOptions options = TuneOptions.builder().samples(BUDGET).seed(seed).searcher(searcher)
                .maxConcurrentTrials(1).inMemory().verbose(0).build();
        long start = System.nanoTime();
        ExperimentResult result = Tuner.run(experiment, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Trial> trials = new ArrayList<>(result.trials());
        trials.sort(Comparator.comparingInt(Trial::number));
        double[] values = new double[trials.size()];
        boolean problem = trials.size() != BUDGET || !result.errors().isEmpty();
        for (int i = 0; i < values.length; i++) {
            values[i] = value(trials.get(i));
            problem |= Double.isNaN(values[i]);
        }
        return new Run(regrets(values, function.optimum()), seconds, problem);
    }

    /**
     * Regret after each checkpoint k: the lowest of the first k values (trials in number order;
     * NaN, a trial without a value, never counts as lowest) minus {@code optimum}. NaN when no
     * value came before k, and at checkpoints beyond the values given.
     */
    static double[] regrets(double[] values, double optimum) {
        double[] regrets = new double[B4Reference.CHECKPOINTS.length];
        for (int c = 0; c < regrets.length; c++) {
            int k = B4Reference.CHECKPOINTS[c];
            double best = Double.NaN;
            for (int i = 0; i < Math.min(k, values.length); i++) {
                if (!Double.isNaN(values[i]) && (Double.isNaN(best) || values[i] < best)) {
                    best = values[i];
                }
            }
            regrets[c] = k > values.length ? Double.NaN : best - optimum;
        }
        return regrets;
    }

    private static double value(Trial trial) {
        Optional<Result> last = trial.lastResult();
        return last.isPresent() ? last.get().metric("value") : Double.NaN;
    }
}
