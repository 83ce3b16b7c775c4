package dev.tune.run;

import dev.tune.Mode;
import dev.tune.TrialContext;
import dev.tune.checkpoint.CheckpointPolicy;
import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.Objective;
import dev.tune.result.ObjectiveFunction;
import dev.tune.result.Trial;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerProblem;
import dev.tune.schedule.SchedulerView;
import dev.tune.search.Brackets;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searcher;
import dev.tune.stop.StopConditions;
import dev.tune.stop.Stopper;
import dev.tune.trainable.Experiment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * One experiment run with every option resolved: what the runner's parts read instead of
 * looking options up again. Built once per run by {@link #resolve}.
 */
record RunPlan(
        Experiment experiment,
        TuneOptions options,
        String name,
        Objective objective,
        int samples,
        long seed,
        String searcherName,
        Searcher searcher,
        Scheduler scheduler,
        int workers,
        StopConditions stop,
        Optional<Duration> timeBudget,
        boolean persist,
        Path experimentDir,
        int verbose,
        Duration progressInterval,
        PrintStream out,
        boolean logToFile,
        Optional<Function<Trial, String>> nameCreator,
        Optional<Function<Trial, String>> dirnameCreator,
        int maxFailures,
        boolean failFast,
        boolean raiseOnFailedTrial,
        boolean reuse,
        CheckpointPolicy checkpoints,
        List<Callback> callbacks) {

    /**
     * What this plan's searcher searches, with what it may know of {@code scheduler}: its brackets,
     * whether it stops early.
     */
    SearchProblem problem(Scheduler scheduler) {
        return new SearchProblem(experiment.space(), objective, samples, seed,
                scheduler.brackets().orElse(Brackets.NONE), scheduler.stopsEarly());
    }

    /**
     * A new searcher like this plan's, started on its problem with {@code scheduler}'s brackets: a
     * shared experiment's replica rebuilt from its log, beside its rebuilt scheduler.
     */
    Searcher startedSearcher(Scheduler scheduler) {
        Searcher fresh = options.get(TuneOption.SEARCHER_FACTORY).map(f -> f.get())
                .orElseGet(() -> ClassOptions.searcher(searcherName, options));
        fresh.start(problem(scheduler));
        return fresh;
    }

    /** A new scheduler like this plan's, started: a shared experiment's replica rebuilt from its log. */
    Scheduler startedScheduler(SchedulerView view) {
        Scheduler fresh = options.get(TuneOption.SCHEDULER_FACTORY).map(f -> f.get())
                .orElseGet(() -> ClassOptions.scheduler(options.resolve(TuneOption.SCHEDULER), options));
        fresh.start(new SchedulerProblem(objective, seed, experiment.space(), view));
        return fresh;
    }

    /** How often a worker of a shared experiment looks again for a trial while it has none. */
    Duration sharedPoll() {
        Duration heartbeat = options.resolve(TuneOption.HEARTBEAT_INTERVAL);
        return heartbeat.compareTo(Duration.ofMillis(200)) < 0 ? heartbeat : Duration.ofMillis(200);
    }

    static RunPlan resolve(Experiment experiment, TuneOptions options) {
        String name = options.get(TuneOption.NAME).orElse(experiment.name());
        int samples = options.resolve(TuneOption.SAMPLES);
        if (samples < 1 && samples != SearchProblem.UNBOUNDED) {
            throw new IllegalArgumentException("tune.samples must be at least 1, or -1 for trials until a stop rule"
                    + " or the time budget ends the experiment; got " + samples);
        }
        List<Stopper> stoppers = ClassOptions.stoppers(options);
        if (samples == SearchProblem.UNBOUNDED && options.get(TuneOption.TIME_BUDGET).isEmpty() && stoppers.isEmpty()) {
            throw new IllegalArgumentException("Experiment " + name + ": tune.samples=-1 runs trials until a stop rule"
                    + " or the time budget ends the experiment, and it has neither; set tune.timeBudget"
                    + " (@Stop(timeBudgetSeconds)) or add a Stopper whose shouldStopAll ends it (tune.stop.stoppers)");
        }
        long seed = options.get(TuneOption.SEED).orElseGet(() -> ThreadLocalRandom.current().nextLong());
        String searcherName = options.get(TuneOption.SEARCHER_FACTORY).map(f -> "custom")
                .orElse(options.resolve(TuneOption.SEARCHER));
        Searcher searcher = options.get(TuneOption.SEARCHER_FACTORY).map(f -> f.get())
                .orElseGet(() -> ClassOptions.searcher(searcherName, options));
        Scheduler scheduler = options.get(TuneOption.SCHEDULER_FACTORY).map(f -> f.get())
                .orElseGet(() -> ClassOptions.scheduler(options.resolve(TuneOption.SCHEDULER), options));
        if (scheduler.needsCheckpoints() && !experiment.canCheckpoint()) {
            throw new IllegalArgumentException("Experiment " + experiment.name() + ": " + scheduler
                    + " copies checkpoints between trials, but " + experiment.type().getName()
                    + " saves none; mark its state fields @Checkpoint (saved as JSON), or add "
                    + "@Checkpoint.Save and @Checkpoint.Load methods");
        }
        if (scheduler.pausesTrials() && !experiment.canCheckpoint()
                && options.resolve(TuneOption.ISOLATION).equals("process")) {
            throw new IllegalArgumentException("Experiment " + experiment.name() + ": " + scheduler + " pauses"
                    + " trials, and with tune.isolation=process another child JVM may take a paused trial up, but "
                    + experiment.type().getName() + " saves no checkpoint; mark its state fields @Checkpoint,"
                    + " or run it with tune.isolation=thread");
        }
        StopConditions stop = new StopConditions(options.get(TuneOption.MAX_ITERATIONS),
                options.get(TuneOption.TRIAL_TIME), options.resolve(TuneOption.STOP_WHEN),
                stoppers);
        Path dir = experimentDir(options, name);
        boolean reuse = options.get(TuneOption.REUSE_ACTORS).orElse(experiment.isResettable());
        if (reuse && !experiment.isResettable()) {
            reuse = false;
        }
        return new RunPlan(experiment, options, name, objective(options), samples, seed, searcherName, searcher,
                scheduler, Concurrency.workers(options), stop, options.get(TuneOption.TIME_BUDGET),
                options.resolve(TuneOption.PERSIST), dir, options.resolve(TuneOption.VERBOSE),
                options.resolve(TuneOption.PROGRESS_INTERVAL), options.get(TuneOption.OUTPUT).orElse(System.out),
                options.resolve(TuneOption.LOG_TO_FILE), ClassOptions.trialNameCreator(options),
                ClassOptions.trialDirnameCreator(options), options.resolve(TuneOption.MAX_FAILURES),
                options.resolve(TuneOption.FAIL_FAST), options.resolve(TuneOption.RAISE_ON_FAILED_TRIAL), reuse,
                checkpoints(options), ClassOptions.callbacks(options));
    }

    /** The seed that trial {@code number}'s own code gets: {@link TrialContext#seed()}. */
    long trialSeed(int number) {
        return options.get(TuneOption.TRIAL_SEEDS).map(f -> f.applyAsLong(number))
                .orElseGet(() -> TrialSeeds.of(seed, number));
    }

    private static CheckpointPolicy checkpoints(TuneOptions options) {
        String score = options.get(TuneOption.CHECKPOINT_SCORE).orElse(null);
        Mode scoreMode = Mode.MAX;
        if (score != null) {
            int colon = score.indexOf(':');
            if (colon > 0) {
                scoreMode = TuneOption.mode(score.substring(0, colon));
                score = score.substring(colon + 1).trim();
            }
        }
        return new CheckpointPolicy(options.resolve(TuneOption.CHECKPOINT_FREQUENCY),
                options.resolve(TuneOption.CHECKPOINT_AT_END), options.resolve(TuneOption.CHECKPOINT_KEEP), score,
                scoreMode);
    }

    static Path experimentDir(TuneOptions options, String name) {
        return options.resolve(TuneOption.STORAGE_PATH).resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private static Objective objective(TuneOptions options) {
        return unconstrained(options).withConstraints(options.get(TuneOption.CONSTRAINTS).orElse(List.of()));
    }

    private static Objective unconstrained(TuneOptions options) {
        List<String> metrics = options.get(TuneOption.METRIC).orElse(List.of());
        List<Mode> modes = options.get(TuneOption.MODE).orElse(List.of());
        Optional<ObjectiveFunction> custom = ClassOptions.objective(options);
        if (!metrics.isEmpty()) {
            return Objective.of(metrics, modes);
        }
        if (modes.size() > 1) {
            throw new IllegalArgumentException("tune.mode has " + modes.size()
                    + " entries but no tune.metric is named");
        }
        Mode mode = modes.isEmpty() ? Mode.MIN : modes.get(0);
        return custom.map(f -> Objective.custom(f, mode)).orElseGet(() -> Objective.huggingFaceDefault(mode));
    }

    /** The name under which a bare number returned by user code is recorded. */
    String numberMetric() {
        return objective.isDerived() || objective.isMultiObjective() ? "score" : objective.metric();
    }
}
