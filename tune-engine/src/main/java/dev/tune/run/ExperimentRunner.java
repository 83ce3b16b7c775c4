package dev.tune.run;

import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import dev.tune.report.ProgressReporter;
import dev.tune.report.html.Report;
import dev.tune.report.html.ReportInput;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.SchedulerProblem;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import dev.tune.store.LocalDirectoryStore;
import dev.tune.store.SharedRun;
import dev.tune.store.StoredExperiment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one experiment from a {@link RunPlan}: opens the store, starts the searcher, runs the
 * workers until no trial is left, then writes the final state, tells the callbacks and prints the
 * summary. The parts that decide (searcher, stoppers) and the parts that record (store,
 * callbacks, reporter) meet only in the {@link TrialBook}.
 */
final class ExperimentRunner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExperimentRunner.class);

    private final RunPlan plan;
    private final ResumePlan resume;
    private final SharedRun shared;

    /** {@code resume}: the earlier run to continue, or null to start afresh. */
    ExperimentRunner(RunPlan plan, ResumePlan resume) {
        this(plan, resume, null);
    }

    /** {@code shared}: the experiment this worker joined in a shared store, or null to run alone. */
    ExperimentRunner(RunPlan plan, ResumePlan resume, SharedRun shared) {
        this.plan = plan;
        this.resume = resume;
        this.shared = shared;
    }

    ExperimentResult run() {
        long start = System.nanoTime();
        String tag = shared != null ? shared.info().tag() : resume != null ? resume.tag() : Naming.newTag();
        Path dir = shared != null ? shared.trialsRoot() : plan.experimentDir();
        plan.searcher().start(plan.problem(plan.scheduler()));
        ExperimentStore store = shared != null ? ExperimentStore.inBackground(shared.store(
                SharedSearch.decides(plan.scheduler()), SharedSearch.positional(plan.searcher())), plan.name())
                : plan.persist()
                ? LocalDirectoryStore.buffered(resume != null ? dir : ExperimentDirs.prepare(dir), plan.name())
                : ExperimentStore.none();
        Path trialsRoot = plan.persist() || shared != null ? dir : ExperimentDirs.temporary(plan.name());
        ProgressReporter reporter = new ProgressReporter(plan.out());
        List<Callback> callbacks = new ArrayList<>(plan.callbacks());
        if (plan.verbose() >= 2) {
            callbacks.add(new VerboseLines(reporter, plan.verbose()));
        }
        ExperimentInfo info = info(tag, plan.searcher().describe());
        // the live dashboard's own record of the run, only when one is asked for: it keeps every curve in memory
        Optional<LiveReport> live = plan.options().resolve(TuneOption.DASHBOARD) < 0 ? Optional.empty()
                : Optional.of(new LiveReport(plan, info, plan.persist() || shared != null ? Optional.of(dir) : Optional.empty()));
        live.ifPresent(callbacks::add);
        TrialBook book = new TrialBook(plan, store, new CallbackList(callbacks), tag, trialsRoot, shared);
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
        if (plan.verbose() >= 1 || live.isPresent()) {
            book.keepEnded(); // the progress table and the dashboard show every trial of this worker
        }
        ScheduledExecutorService ticker = plan.verbose() >= 1 ? progressTicker(book, reporter, start) : null;
        GracefulShutdown shutdown = GracefulShutdown.install(book, plan.name());
        try (TrialOutput output = plan.logToFile() ? TrialOutput.toFiles() : TrialOutput.none()) {
            runWorkers(book, output);
            book.dropClaimedAhead();
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        ExperimentResult result;
        Optional<Path> report = Optional.empty();
        int ran = 0;
        if (shared != null && book.lostStore().isPresent()) {
            closeQuietly(store);
            shared.close();
            shutdown.done();
            throw book.lostStore().get(); // the others take this worker's trials over; starting it again rejoins
        } else if (shared != null) {
            store.close();
            ran = book.forget(); // its trials are in the log: the book let go of most as they ended (HeldTrials)
            // every worker's trials: the experiment's totals, not this worker's share
            result = new ExperimentResult(plan.name(), plan.objective(), shared.trials(), Optional.empty(), wall,
                    plan.seed(), Optional.ofNullable(info.searcherDescription()));
            shared.saveState(state(result, book));
            shared.close();
        } else {
            result = new ExperimentResult(plan.name(), plan.objective(), book.snapshots(),
                    plan.persist() ? Optional.of(dir) : Optional.empty(), wall, plan.seed(),
                    Optional.ofNullable(info.searcherDescription()));
            ExperimentState state = state(result, book);
            store.saveState(state);
            store.close();
            if (plan.persist() && plan.options().resolve(TuneOption.REPORT)) {
                report = writeReport(result, info, state.status(), dir);
            }
        }
        shutdown.done();
        live.ifPresent(l -> l.finished(shared != null ? "FINISHED" : state(result, book).status()));
        new CallbackList(callbacks).onExperimentEnd(result);
        if (plan.verbose() >= 1) {
            reporter.printTable(plan.name(), plan.objective(), result.trials(), wall);
            if (plan.options().resolve(TuneOption.SUMMARY)) {
                reporter.printSummary(result);
                report.ifPresent(file -> plan.out().println("Report: " + file.toUri()));
                if (shared != null) {
                    plan.out().println("This worker ran " + ran + " of the " + result.trials().size()
                            + " trials, shared in " + shared.where());
                }
            }
        }
        return result;
    }

    private void runWorkers(TrialBook book, TrialOutput output) {
        List<Thread> threads = new ArrayList<>(plan.workers());
        for (int i = 0; i < plan.workers(); i++) {
            Thread thread = new Thread(new TrialWorker(book, plan.experiment().body(), output),
                    "tune-" + plan.name() + "-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                book.stopAll("interrupted");
                Thread.currentThread().interrupt();
            }
        }
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
                plan.objective().modes().stream().map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).toList(),
                plan.objective().describe(Map.of()), space, plan.options().describe(), Instant.now());
    }

    private ExperimentState state(ExperimentResult result, TrialBook book) {
        Map<String, Long> counts = new LinkedHashMap<>();
        result.countByStatus().forEach((s, n) -> counts.put(s.name(), n));
        Optional<Trial> best = result.objective().isMultiObjective() ? Optional.empty() : result.bestTrial();
        String status = book.firstError().isPresent() && plan.failFast() ? "FAILED"
                : book.stopAllReason().isPresent() ? "STOPPED" : "FINISHED";
        return new ExperimentState(status, counts, best.map(Trial::id),
                best.map(t -> t.value(result.objective().metric(), result.objective().mode(), dev.tune.result.Scope.LAST)),
                Instant.now());
    }

    /** The report beside the results; a report that cannot be written is logged, never a failed run. */
    private static Optional<Path> writeReport(ExperimentResult result, ExperimentInfo info, String status, Path dir) {
        try {
            ReportInput input = ReportInput.of(result, info, status, dir, StoredExperiment::results);
            return Optional.of(Report.write(input, dir.resolve(Report.FILE)));
        } catch (RuntimeException e) {
            LOG.warn("Could not write the report of experiment {} in {}: {}", result.name(), dir, e.toString());
            return Optional.empty();
        }
    }

    private static void closeQuietly(ExperimentStore store) {
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.warn("Could not write this worker's last results: {}", e.getMessage());
        }
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
