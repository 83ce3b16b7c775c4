package dev.tune.run;

import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import dev.tune.process.ChildLauncher;
import dev.tune.process.ProcessBody;
import dev.tune.report.ProgressReporter;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Scope;
import dev.tune.result.Trial;
import dev.tune.schedule.SchedulerProblem;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import dev.tune.trainable.TrialBody;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment from a {@link RunPlan}: opens the store, starts the searcher, runs the
 * workers until no trial is left, then writes the final state, tells the callbacks and prints the
 * summary. The parts that decide (searcher, stoppers) and the parts that record (store,
 * callbacks, reporter) meet only in the {@link TrialBook}.
 */
final class ExperimentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final RunPlan plan;
    private final ResumePlan resume;
    private final Coordination coordination;
    /** The first trial that failed in this run, once it ran; empty when none did. */
    private Optional<FirstFailure> firstFailure = Optional.empty();

    /** {@code resume}: the earlier run to continue, or null to start afresh. */
    ExperimentRunner(RunPlan plan, ResumePlan resume) {
        this(plan, resume, new LocalCoordination(plan, resume));
    }

    /** {@code coordination}: alone, or with the other workers of a shared experiment. */
    ExperimentRunner(RunPlan plan, ResumePlan resume, Coordination coordination) {
        this.plan = plan;
        this.resume = resume;
        this.coordination = coordination;
    }

    ExperimentResult run() {
        long start = System.nanoTime();
        plan.searcher().start(plan.problem(plan.scheduler()));
        ExperimentStore store = coordination.store();
        ProgressReporter reporter = new ProgressReporter(plan.out());
        List<Callback> callbacks = new ArrayList<>(plan.callbacks());
        if (plan.verbose() >= 2) {
            callbacks.add(new VerboseLines(reporter, plan.verbose()));
        }
        ExperimentInfo info = info(coordination.tag(), plan.searcher().describe());
        // the live dashboard's own record of the run, only when one is asked for: it keeps every curve in memory
        Optional<LiveReport> live = plan.options().resolve(TuneOption.DASHBOARD) < 0 ? Optional.empty()
                : Optional.of(new LiveReport(plan, info, coordination.resultsDir()));
        live.ifPresent(callbacks::add);
        TrialBook book = new TrialBook(plan, new CallbackList(callbacks), coordination);
        live.ifPresent(l -> {
            l.watch(book);
            LiveDashboards.start(plan, l);
        });
        store.open(info);
        plan.scheduler().start(new SchedulerProblem(plan.objective(), plan.seed(), plan.experiment().space(),
                book.view()));
        if (resume != null) {
            book.resume(resume);
            LOG.info("Resuming experiment {}: {} trials kept, {} continue, {} start again", plan.name(),
                    resume.kept().size(), resume.resumed().size(), resume.restarted().size());
        }
        if (plan.verbose() >= 1 || live.isPresent()) {
            book.keepEnded(); // the progress table and the dashboard show every trial of this worker
        }
        ScheduledExecutorService ticker = plan.verbose() >= 1 ? progressTicker(book, reporter, start) : null;
        GracefulShutdown shutdown = GracefulShutdown.install(book, plan.name());
        ExperimentResult result;
        try {
            try (TrialOutput output = plan.logToFile() ? TrialOutput.toFiles() : TrialOutput.none()) {
                runWorkers(book, output);
                book.close();
            } finally {
                if (ticker != null) {
                    ticker.shutdownNow();
                }
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            result = coordination.finish(book, info, wall, r -> state(r, book));
        } finally {
            shutdown.done();
        }
        firstFailure = book.firstFailure();
        live.ifPresent(l -> l.finished(state(result, book).status()));
        new CallbackList(callbacks).onExperimentEnd(result);
        if (plan.verbose() >= 1) {
            reporter.printTable(plan.name(), plan.objective(), result.trials(), result.wallTime());
            if (plan.options().resolve(TuneOption.SUMMARY)) {
                reporter.printSummary(result);
                coordination.closingLine(result).ifPresent(plan.out()::println);
            }
        }
        return result;
    }

    /** The first trial that failed in this JVM's run, with its exception; call after {@link #run}. */
    Optional<FirstFailure> firstFailure() {
        return firstFailure;
    }

    private void runWorkers(TrialBook book, TrialOutput output) {
        Supplier<TrialBody> bodies = bodies();
        Slots slots = new Slots(() -> new TrialWorker(book, bodies.get(), output), plan.name());
        slots.start(plan.workers());
        TrialDeadlines deadlines = TrialDeadlines.start(book, slots, plan.options().resolve(TuneOption.GRACE_TIME));
        try {
            slots.awaitAll();
        } catch (InterruptedException e) {
            book.stopAll("interrupted");
            Thread.currentThread().interrupt();
        } finally {
            if (deadlines != null) {
                deadlines.close();
            }
        }
    }

    /**
     * The body each slot runs its trials with: the trainable's own, shared by every slot's thread; or,
     * with {@code tune.isolation=process}, a child JVM of the slot's own.
     */
    private Supplier<TrialBody> bodies() {
        if (!plan.options().resolve(TuneOption.ISOLATION).equals("process")) {
            TrialBody body = plan.experiment().body();
            return () -> body;
        }
        ChildLauncher launcher = ChildLauncher.of(plan.experiment(), plan.options());
        boolean jvmPerTrial = plan.options().resolve(TuneOption.ISOLATION_JVM_PER_TRIAL);
        long grace = plan.options().resolve(TuneOption.GRACE_TIME).toMillis();
        return () -> new ProcessBody(launcher, plan.reuse(), jvmPerTrial, grace, plan.logToFile());
    }

    private ScheduledExecutorService progressTicker(TrialBook book, ProgressReporter reporter, long start) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tune-" + plan.name() + "-progress");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, plan.progressInterval().toMillis());
        ticker.scheduleAtFixedRate(() -> reporter.printTable(plan.name(), plan.objective(), book.snapshots(),
                Duration.ofNanos(System.nanoTime() - start)), every, every, TimeUnit.MILLISECONDS);
        return ticker;
    }

    /** The experiment's record; {@code searcherDescription} is what searched, in words, once started. */
    ExperimentInfo info(String tag, String searcherDescription) {
        Map<String, String> space = new LinkedHashMap<>();
        plan.experiment().space().domains().forEach((name, domain) -> space.put(name, domain.describe()));
        return new ExperimentInfo(plan.name(), plan.experiment().trainable(), tag, plan.seed(), plan.samples(),
                plan.searcherName(), searcherDescription, plan.objective().metrics(),
                plan.objective().modes().stream().map(m -> m.name().toLowerCase(Locale.ROOT)).toList(),
                plan.objective().describe(Map.of()), space, plan.options().describe(), Instant.now());
    }

    private ExperimentState state(ExperimentResult result, TrialBook book) {
        Map<String, Long> counts = new LinkedHashMap<>();
        result.countByStatus().forEach((s, n) -> counts.put(s.name(), n));
        Optional<Trial> best = result.objective().isMultiObjective() ? Optional.empty() : result.bestTrial();
        String status = book.firstError().isPresent() && plan.failFast() ? "FAILED"
                : book.stopAllReason().isPresent() ? "STOPPED" : "FINISHED";
        return new ExperimentState(status, counts, best.map(Trial::id),
                best.map(t -> t.value(result.objective().metric(), result.objective().mode(), Scope.LAST)),
                Instant.now());
    }

    /** Prints a line per ended trial (verbosity 2) and per result (verbosity 3). */
    private record VerboseLines(ProgressReporter reporter, int verbose) implements Callback {
        @Override
        public void onTrialResult(Trial trial, Result result) {
            if (verbose >= 3) {
                reporter.printResult(trial, result);
            }
        }

        @Override
        public void onTrialComplete(Trial trial) {
            reporter.printTrialEnd(trial);
        }

        @Override
        public void onTrialError(Trial trial, Throwable failure) {
            reporter.printTrialEnd(trial);
        }
    }
}
