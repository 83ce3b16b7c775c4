package dev.tune.run;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.search.Searcher;
import dev.tune.store.StoredExperiment;
import dev.tune.store.postgres.PostgresLocation;
import dev.tune.trainable.Experiment;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs experiments from code, as Ray's {@code Tuner(...).fit()}: reads the annotated trainable,
 * applies the options, runs every trial and returns the {@link ExperimentResult}.
 *
 * <pre>{@code
 * ExperimentResult result = Tuner.run(MyModel.class);
 * System.out.println(result.bestTrial().orElseThrow().config());
 * }</pre>
 *
 * Options combine in one order everywhere: the annotations' settings, then the options given
 * here (or by the Maven plugin's POM configuration), then {@code tune.*} system properties from the
 * command line, the last winning.
 */
public final class Tuner {

    private Tuner() {
    }

    /** Runs the single experiment that {@code trainable} declares. */
    public static ExperimentResult run(Class<?> trainable) {
        return run(trainable, TuneOptions.empty());
    }

    /** Runs the single experiment that {@code trainable} declares, with {@code options}. */
    public static ExperimentResult run(Class<?> trainable, TuneOptions options) {
        List<Experiment> experiments = Experiment.of(trainable);
        if (experiments.size() != 1) {
            throw new IllegalArgumentException(trainable.getName() + " declares " + experiments.size()
                    + " experiments " + experiments.stream().map(Experiment::name).toList()
                    + "; run one with Tuner.run(Experiment, TuneOptions)");
        }
        return run(experiments.get(0), options);
    }

    /** Runs the Function API trainable {@code method}. */
    public static ExperimentResult run(Method method, TuneOptions options) {
        return run(Experiment.of(method), options);
    }

    /**
     * Runs {@code experiment}. A trial that fails does not end the experiment unless fail-fast is
     * set; then, or when raise-on-failed-trial is set and a trial failed, a {@link TuneException}
     * carrying the result is thrown.
     */
    public static ExperimentResult run(Experiment experiment, TuneOptions options) {
        TuneOptions effective = effective(experiment, options);
        String storage = effective.get(TuneOption.STORAGE).orElse(null);
        if (PostgresLocation.isDatabase(storage)) {
            return finish(SharedWorker.run(experiment, effective, storage));
        }
        if (storage != null && !storage.isBlank()) {
            effective = effective.overriddenBy(TuneOptions.builder().storagePath(Path.of(storage)).build());
        }
        ResumeMode mode = ResumeMode.parse(effective.resolve(TuneOption.RESUME));
        Path dir = RunPlan.experimentDir(effective, effective.get(TuneOption.NAME).orElse(experiment.name()));
        ResumePlan resume = null;
        if (mode.enabled() && effective.resolve(TuneOption.PERSIST)
                && Files.exists(dir.resolve("experiment.json"))) {
            StoredExperiment stored = StoredExperiment.load(dir);
            resume = ResumePlan.of(stored, mode);
            // the same seed, so the searcher's sequence continues where it was
            effective = effective.overriddenBy(TuneOptions.builder().seed(stored.info().seed()).build());
        }
        RunPlan plan = RunPlan.resolve(experiment, effective);
        ExperimentRunner runner = new ExperimentRunner(plan, resume);
        ExperimentResult result = runner.run();
        return finish(new Run(plan, result, runner.firstFailure()));
    }

    /** A plan, what running it gave, and the first trial that failed in this JVM, if one did. */
    record Run(RunPlan plan, ExperimentResult result, Optional<FirstFailure> firstFailure) {
    }

    private static ExperimentResult finish(Run run) {
        RunPlan plan = run.plan();
        ExperimentResult result = run.result();
        List<Trial> errors = result.errors();
        if (!errors.isEmpty() && (plan.failFast() || plan.raiseOnFailedTrial())) {
            // the cause is the trial's own exception, as Ray's fail_fast="raise" raises it; a trial that
            // failed in another worker or an earlier run left its error as text
            Trial recorded = errors.get(0);
            String name = run.firstFailure().map(FirstFailure::trialName).orElse(recorded.name());
            Throwable cause = run.firstFailure().map(FirstFailure::cause)
                    .orElseGet(() -> recorded.error().map(RecordedFailure::new).orElse(null));
            String summary = cause instanceof RecordedFailure || cause == null
                    ? recorded.error().map(e -> e.summary()).orElse("unknown error")
                    : TrialError.of(cause).summary(); // an exception from a child JVM by its own type
            throw new TuneException("Experiment " + plan.name() + ": " + errors.size()
                    + " trial(s) failed, first " + name + ": " + summary, result, cause);
        }
        return result;
    }

    /**
     * The searcher a {@code tune.searcher} text names: one of tune's by name, or a {@code Searcher}
     * class by its fully qualified name, built with {@code options} when it takes them.
     */
    public static Searcher searcher(String name, TuneOptions options) {
        return ClassOptions.searcher(name, options);
    }

    /** Where {@link #run(Experiment, TuneOptions)} with these options writes (or wrote) its results. */
    public static Path experimentDir(Experiment experiment, TuneOptions options) {
        TuneOptions effective = effective(experiment, options);
        return RunPlan.experimentDir(effective, effective.get(TuneOption.NAME).orElse(experiment.name()));
    }

    private static TuneOptions effective(Experiment experiment, TuneOptions options) {
        return experiment.options().overriddenBy(options).overriddenBy(TuneOptions.fromSystemProperties());
    }
}
