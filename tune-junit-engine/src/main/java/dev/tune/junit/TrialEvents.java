package dev.tune.junit;

import dev.tune.options.Callback;
import dev.tune.report.ProgressReporter;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.TestAbortedException;

/**
 * Turns a running experiment's events into JUnit events: each trial is registered and started as
 * a test when it starts, each result is published as a report entry (the learning curve), and each
 * end finishes the test. The tuner calls callbacks one at a time in order, so the listener sees a
 * valid sequence even with parallel trials.
 *
 * <p>Statuses: a trial that completes, or ends at a stop condition the user set (iterations, time,
 * a threshold, a stopper), is successful; one that a scheduler stopped early, or that the end of
 * the experiment cut short, is aborted (IDEs show it as skipped, not failed); one that throws fails
 * with its own exception.
 */
final class TrialEvents implements Callback {

    private final ExperimentDescriptor experiment;
    private final EngineExecutionListener listener;
    private final List<Integer> numbers;
    private final Map<String, TestDescriptor> trials = new HashMap<>();

    /**
     * {@code numbers}: when re-running recorded trials, their numbers in the order they run, so
     * each is reported under its own number (and its discovered descriptor); empty otherwise.
     */
    TrialEvents(ExperimentDescriptor experiment, EngineExecutionListener listener, List<Integer> numbers) {
        this.experiment = experiment;
        this.listener = listener;
        this.numbers = List.copyOf(numbers);
    }

    @Override
    public void onTrialStart(Trial trial) {
        int shown = RecordedTrials.recordedNumber(trial, numbers);
        UniqueId id = experiment.getUniqueId().append(TuneUniqueId.TRIAL, Integer.toString(shown));
        TestDescriptor descriptor = experiment.findByUniqueId(id).orElse(null);
        if (descriptor == null) {
            descriptor = new TrialDescriptor(experiment.getUniqueId(), shown,
                    RecordedTrials.recordedName(trial, numbers));
            experiment.addChild(descriptor);
            listener.dynamicTestRegistered(descriptor);
        }
        trials.put(trial.id(), descriptor);
        listener.executionStarted(descriptor);
    }

    @Override
    public void onTrialResult(Trial trial, Result result) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("iteration", Long.toString(result.iteration()));
        result.metrics().forEach((metric, value) -> entry.put(metric, ProgressReporter.format(value)));
        listener.reportingEntryPublished(trials.get(trial.id()), ReportEntry.from(entry));
    }

    @Override
    public void onTrialComplete(Trial trial) {
        Termination termination = trial.termination().orElse(Termination.COMPLETED);
        TestExecutionResult result = termination == Termination.COMPLETED || termination == Termination.STOPPED
                ? TestExecutionResult.successful()
                : TestExecutionResult.aborted(new TestAbortedException("Trial " + trial.name() + " was "
                        + cut(termination) + " after " + trial.iterations() + " iterations"));
        listener.executionFinished(trials.remove(trial.id()), result);
    }

    /** Why a trial that did not run in full was cut, in words. */
    private static String cut(Termination termination) {
        return switch (termination) {
            case CANCELLED -> "cut short here by the end of the experiment (or, in a shared experiment, handed to"
                    + " another worker, which goes on with it)";
            case TIMED_OUT -> "interrupted at its time limit while a step ran (tune.stop.trialTime)";
            default -> "stopped early by the scheduler";
        };
    }

    @Override
    public void onTrialError(Trial trial, Throwable failure) {
        listener.executionFinished(trials.remove(trial.id()), TestExecutionResult.failed(failure));
    }
}
