package dev.tune.run;

import dev.tune.options.TuneOption;
import dev.tune.report.html.Report;
import dev.tune.report.html.ReportInput;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerView;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import dev.tune.store.LocalDirectoryStore;
import dev.tune.store.StoredExperiment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An experiment this worker runs alone: the searcher here suggests every trial, the scheduler here
 * decides, and the results go to the local directory (or nowhere, in memory).
 */
final class LocalCoordination implements Coordination {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCoordination.class);

    private final RunPlan plan;
    private final ResumePlan resume;
    private final String tag;
    private final Searcher searcher;
    private final boolean searcherSeesResults;
    private ExperimentStore store;
    private TrialBook book;
    private boolean searcherDone;
    private Optional<Path> report = Optional.empty();
    private Path trialsRoot;

    /** {@code resume}: the earlier run to continue, or null to start afresh. */
    LocalCoordination(RunPlan plan, ResumePlan resume) {
        this.plan = plan;
        this.resume = resume;
        this.tag = resume != null ? resume.tag() : Naming.newTag();
        this.searcher = plan.searcher();
        this.searcherSeesResults = searcher.readsResults();
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public Path trialsRoot() {
        if (trialsRoot == null) {
            trialsRoot = plan.persist() ? plan.experimentDir() : ExperimentDirs.temporary(plan.name());
        }
        return trialsRoot;
    }

    @Override
    public Optional<Path> resultsDir() {
        return plan.persist() ? Optional.of(plan.experimentDir()) : Optional.empty();
    }

    @Override
    public ExperimentStore store() {
        if (store == null) {
            Path dir = plan.experimentDir();
            store = plan.persist()
                    ? LocalDirectoryStore.buffered(resume != null ? dir : ExperimentDirs.prepare(dir), plan.name())
                    : ExperimentStore.none();
        }
        return store;
    }

    @Override
    public void attach(TrialBook book) {
        this.book = book;
    }

    @Override
    public Scheduler scheduler() {
        return plan.scheduler();
    }

    @Override
    public SchedulerView view() {
        return new RunningView(book, this);
    }

    @Override
    public long elapsedNanos() {
        return 0;
    }

    /**
     * The searcher's next trial. When it is done, the paused trials are decided once no trial
     * runs (then those left are cancelled); when it says not now, the book waits for an end.
     */
    @Override
    public Next next() throws InterruptedException {
        if (searcherDone) {
            if (!book.hasPaused()) {
                return Next.DONE;
            }
            if (book.running() == 0) {
                book.decidePausedWithNothingToCome();
            } else {
                book.waitAWhile();
            }
            return Next.AGAIN;
        }
        LiveTrial suggested = suggestNext();
        if (suggested != null) {
            return Next.of(suggested);
        }
        if (searcherDone) {
            book.notifyAll();
            return Next.AGAIN;
        }
        if (book.running() == 0) {
            LOG.warn("Searcher {} has nothing to suggest and no trial is running; ending the experiment",
                    searcher.getClass().getSimpleName());
            searcherDone = true;
            return Next.DONE;
        }
        book.waitAWhile();
        return Next.AGAIN;
    }

    /** Trials that will start, up to one per slot: asked of the searcher ahead, as Ray keeps trials pending. */
    @Override
    public int waiting() {
        while (book.pendingCount() < plan.workers() && !searcherDone && book.stopAllReason().isEmpty()) {
            LiveTrial trial = suggestNext();
            if (trial == null) {
                break;
            }
            book.addPending(trial);
        }
        return book.pendingCount();
    }

    /** The searcher's next trial, the book's; null when it has none now, or is done ({@code searcherDone}). */
    private LiveTrial suggestNext() {
        int number = book.nextNumber();
        String id = Naming.trialId(tag, number);
        Suggestion suggestion = searcher.suggest(id);
        searcherDone = suggestion.isFinished();
        return suggestion.config().map(config -> book.register(id, number, config)).orElse(null);
    }

    @Override
    public Decision decide(LiveTrial trial, Result result, Trial snapshot) {
        if (searcherSeesResults) {
            searcher.onTrialResult(snapshot, result);
        }
        return null;
    }

    /** True when the searcher is told intermediate results: the book then makes the trial's view for each. */
    boolean searcherSeesResults() {
        return searcherSeesResults;
    }

    @Override
    public void slotFreed(LiveTrial trial) {
        // no other worker waits for this slot
    }

    @Override
    public void ended(Trial snapshot) {
        searcher.onTrialComplete(snapshot);
    }

    @Override
    public boolean pausedKeepSlots() {
        return true;
    }

    @Override
    public void pausedDecided(PausedTrials paused, int freeSlots) {
        // every paused trial stays here
    }

    @Override
    public Optional<Trial> elsewhere(String trialId) {
        return Optional.empty();
    }

    @Override
    public void stopped(String reason, boolean forAll) {
        // no other worker to tell
    }

    @Override
    public void close(ExperimentStore store) {
        // nothing claimed ahead
    }

    @Override
    public ExperimentResult finish(TrialBook book, ExperimentInfo info, Duration wall,
            Function<ExperimentResult, ExperimentState> state) {
        Path dir = plan.experimentDir();
        ExperimentResult result = new ExperimentResult(plan.name(), plan.objective(), book.snapshots(),
                plan.persist() ? Optional.of(dir) : Optional.empty(), wall, plan.seed(),
                Optional.ofNullable(info.searcherDescription()));
        ExperimentState end = state.apply(result);
        store.saveState(end);
        store.close();
        if (plan.persist() && plan.options().resolve(TuneOption.REPORT)) {
            report = writeReport(result, info, end.status(), dir);
        }
        return result;
    }

    @Override
    public Optional<String> closingLine(ExperimentResult result) {
        return report.map(file -> "Report: " + file.toUri());
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

    @Override
    public boolean dropsEndedTrials() {
        return false;
    }
}
