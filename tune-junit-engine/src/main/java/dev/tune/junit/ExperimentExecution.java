package dev.tune.junit;

import dev.tune.Config;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.report.ProgressReporter;
import dev.tune.report.html.Report;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Objective;
import dev.tune.result.Scope;
import dev.tune.result.Trial;
import dev.tune.run.ExperimentVerifier;
import dev.tune.run.TrialSeeds;
import dev.tune.run.TuneException;
import dev.tune.run.Tuner;
import dev.tune.search.GivenConfigs;
import dev.tune.search.TrialLimit;
import dev.tune.trainable.Experiment;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Runs one experiment container: the whole search (smoke or full), or selected recorded trials again;
 * then publishes the best trial and calls the {@code @Verify} methods.
 */
final class ExperimentExecution {

    private final EngineSettings settings;
    private final EngineExecutionListener listener;

    ExperimentExecution(EngineSettings settings, EngineExecutionListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    void run(ExperimentDescriptor descriptor) {
        listener.executionStarted(descriptor);
        if (descriptor.invalid().isPresent()) {
            listener.executionFinished(descriptor, TestExecutionResult.failed(descriptor.invalid().get()));
            return;
        }
        Experiment experiment = descriptor.experiment().orElseThrow();
        List<Integer> rerun = descriptor.rerunTrials();
        Throwable failure = null;
        try {
            TuneOptions options;
            try {
                options = options(experiment, rerun);
            } catch (RuntimeException e) {
                failSelectedTrials(descriptor, e);
                throw e;
            }
            ExperimentResult result;
            try {
                result = Tuner.run(experiment, options.overriddenBy(TuneOptions.builder().callbacks(
                        new TrialEvents(descriptor, listener, rerun)).build()));
            } catch (TuneException e) {
                failure = e;
                result = e.result().orElse(null);
            }
            if (result != null) {
                publishBest(descriptor, result, rerun);
                if (failure == null && settings.full() && rerun.isEmpty()) {
                    ExperimentVerifier.verify(experiment.type(), result);
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
        listener.executionFinished(descriptor, failure == null ? TestExecutionResult.successful()
                : TestExecutionResult.failed(failure));
    }

    /**
     * The options of this run. Re-running selected trials gives each its recorded config and the
     * seed its code had, under the name {@code <experiment>-rerun-<numbers>} so the original run's
     * results stay as they were. A smoke run keeps nothing, so in smoke mode a trial with no
     * recorded run runs again as the smoke trial it was (Surefire's {@code rerunFailingTestsCount}
     * re-runs a failed smoke trial this way), reported under the selected number.
     */
    private TuneOptions options(Experiment experiment, List<Integer> rerun) {
        TuneOptions options = settings.options();
        boolean smokeRerun = !rerun.isEmpty() && !settings.full()
                && !RecordedTrials.exists(Tuner.experimentDir(experiment, options));
        if (!rerun.isEmpty() && !smokeRerun) {
            String name = options.get(TuneOption.NAME).orElse(experiment.name());
            RecordedTrials recorded = RecordedTrials.load(Tuner.experimentDir(experiment, options), name, rerun);
            List<Config> configs = recorded.select(name, rerun).stream().map(Trial::config).toList();
            long seed = recorded.experimentSeed();
            return options.overriddenBy(TuneOptions.builder().searcher(() -> new GivenConfigs(configs))
                    .name(name + "-rerun-" + rerun.stream().map(String::valueOf).collect(Collectors.joining("-")))
                    .seed(seed).set(TuneOption.TRIAL_SEEDS, k -> TrialSeeds.of(seed, rerun.get(k - 1))).build());
        }
        if (!settings.full()) {
            String searcher = options.get(TuneOption.SEARCHER)
                    .or(() -> experiment.options().get(TuneOption.SEARCHER)).orElse("random");
            TuneOptions.Builder smoke = TuneOptions.builder().samples(1).maxIterations(1).inMemory()
                    .searcher(() -> new TrialLimit(Tuner.searcher(searcher, options), 1));
            if (!options.isSet(TuneOption.VERBOSE)) {
                smoke.verbose(0);
            }
            return options.overriddenBy(smoke.build());
        }
        return options;
    }

    /** The trials selected to run again could not start: each fails with the reason, where the user looks. */
    private void failSelectedTrials(ExperimentDescriptor descriptor, RuntimeException reason) {
        for (var trial : List.copyOf(descriptor.getChildren())) {
            listener.executionStarted(trial);
            listener.executionFinished(trial, TestExecutionResult.failed(reason));
        }
    }

    /**
     * The container's report entry: the best trial (under its recorded number when trials ran again)
     * or the Pareto front, and the address of the experiment's report page when the run wrote one.
     */
    private void publishBest(ExperimentDescriptor descriptor, ExperimentResult result, List<Integer> rerun) {
        Objective objective = result.objective();
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("mode", settings.full() ? "full" : "smoke (tune.junit.mode=full tunes for real)");
        entry.put("trials", Integer.toString(result.trials().size()));
        result.dir().map(dir -> dir.resolve(Report.FILE)).filter(Files::isRegularFile)
                .ifPresent(report -> entry.put("report", report.toUri().toString()));
        if (objective.isMultiObjective()) {
            entry.put("pareto_front", result.paretoFront().stream().map(t -> RecordedTrials.recordedName(t, rerun))
                    .toList().toString());
        } else {
            result.bestTrial().ifPresent(best -> {
                entry.put("best_trial", RecordedTrials.recordedName(best, rerun));
                entry.put("best_config", best.config().asMap().toString());
                entry.put("objective", objective.metric() + "=" + ProgressReporter.format(
                        best.value(objective.metric(), objective.mode(), Scope.LAST)) + " ("
                        + objective.describe(best.lastResult().map(r -> r.metrics()).orElse(Map.of())) + ")");
            });
        }
        listener.reportingEntryPublished(descriptor, ReportEntry.from(entry));
    }
}
