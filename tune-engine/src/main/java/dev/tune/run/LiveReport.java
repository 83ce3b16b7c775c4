package dev.tune.run;

import dev.tune.options.Callback;
import dev.tune.report.dashboard.ReportSource;
import dev.tune.report.html.ReportInput;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.store.ExperimentInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The running experiment as the live dashboard reads it: the trials as the book holds them now,
 * and each trial's learning curve (its iterations and first objective metric), kept here from the
 * results as they arrive, so curves show whether or not the run writes files. Any event bumps the
 * version the dashboard compares.
 */
final class LiveReport implements ReportSource, Callback {

    private final RunPlan plan;
    private final ExperimentInfo info;
    private volatile Supplier<List<Trial>> trials = List::of;
    private final Optional<Path> dir;
    private final long start = System.nanoTime();
    private final AtomicLong version = new AtomicLong();
    private final Map<String, Curve> curves = new ConcurrentHashMap<>();
    private volatile String status = "RUNNING";

    LiveReport(RunPlan plan, ExperimentInfo info, Optional<Path> dir) {
        this.plan = plan;
        this.info = info;
        this.dir = dir;
    }

    /** Reads the trials from {@code book} from now on. */
    void watch(TrialBook book) {
        trials = book::snapshots;
        version.incrementAndGet();
    }

    @Override
    public void onTrialStart(Trial trial) {
        version.incrementAndGet();
    }

    @Override
    public void onTrialResult(Trial trial, Result result) {
        curves.computeIfAbsent(trial.id(), id -> new Curve()).add(result.iteration(),
                result.metric(plan.objective().metrics().get(0)));
        version.incrementAndGet();
    }

    @Override
    public void onTrialComplete(Trial trial) {
        version.incrementAndGet();
    }

    @Override
    public void onTrialError(Trial trial, Throwable failure) {
        version.incrementAndGet();
    }

    /** The run has ended with {@code finalStatus}. */
    void finished(String finalStatus) {
        status = finalStatus;
        version.incrementAndGet();
    }

    @Override
    public long version() {
        return version.get();
    }

    @Override
    public ReportInput read() {
        ExperimentResult result = new ExperimentResult(plan.name(), plan.objective(), trials.get(), dir,
                Duration.ofNanos(System.nanoTime() - start), plan.seed(),
                Optional.ofNullable(info.searcherDescription()));
        return dir.map(d -> ReportInput.of(result, info, status, d, this::curve))
                .orElseGet(() -> new ReportInput(result, info, status, this::curve, List.of()));
    }

    private List<Result> curve(Trial trial) {
        Curve curve = curves.get(trial.id());
        return curve == null ? List.of() : curve.results(trial.id(), plan.objective().metrics().get(0));
    }

    /** One trial's iterations and values, appended by one thread at a time, read by the dashboard. */
    private static final class Curve {
        private final List<Long> iterations = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        synchronized void add(long iteration, double value) {
            iterations.add(iteration);
            values.add(value);
        }

        synchronized List<Result> results(String trialId, String metric) {
            List<Result> results = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                results.add(new Result(trialId, iterations.get(i), 0, 0, 0, 0, 0, false,
                        Map.of(metric, values.get(i))));
            }
            return results;
        }
    }
}
