package dev.tune.run;

import dev.tune.Config;
import dev.tune.StopTrialException;
import dev.tune.TrialContext;
import dev.tune.checkpoint.TrialCheckpoints;
import dev.tune.result.MetricHistory;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import dev.tune.trainable.TrialSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.Optional;

/**
 * One trial while it runs: the live {@link TrialContext} that user code holds and the
 * {@link TrialSession} its body reports through. Its mutable state is written by the trial's own
 * thread and read by others only through {@link #snapshot()}, under the {@link TrialBook}'s lock.
 */
final class LiveTrial implements TrialContext, TrialSession {

    final String id;
    final int number;
    /** Replaced only by a PBT exploit, under the book's lock, while the trial is paused. */
    private volatile Config config;
    private final TrialBook book;
    private final Path root;
    private final String dirName;
    private Path dir;
    private String name;
    private final MetricHistory history = new MetricHistory();

    private TrialStatus status = TrialStatus.PENDING;
    private Termination termination;
    private TrialError error;
    private Result lastResult;
    private long iteration;
    private long iterationsSinceRestore;
    private double timeTotal;
    private double timeSinceRestore;
    private long lastNanos;
    private volatile boolean stopRequested;
    /** Why the runner stopped this trial, set under the book's lock; null while it may go on. */
    Termination stopCause;
    String stopReason;
    /** Set under the book's lock when a scheduler pauses the trial. */
    volatile boolean pauseRequested;
    /** Set under the book's lock when a scheduler wants a checkpoint of the latest result. */
    volatile boolean checkpointRequested;
    /** A PBT exploit to apply once the trial has paused; under the book's lock. */
    volatile dev.tune.schedule.SchedulerAction.Exploit pendingExploit;
    /** The donor's iteration when the exploit was decided: its checkpoint from then is the one copied. */
    long pendingExploitUpTo;
    private Object pausedInstance;
    private boolean startedOnce;
    private Object reusable;
    private Trial identity;
    private TrialCheckpoints checkpoints;
    private Path restoreFrom;

    /** A trial whose directory is {@code root/dirName}, or {@code root/<default name>} when dirName is null. */
    LiveTrial(String id, int number, String name, Config config, Path root, String dirName, TrialBook book) {
        this.id = id;
        this.number = number;
        this.name = name;
        this.config = config;
        this.root = root;
        this.dirName = dirName;
        this.book = book;
    }

    /**
     * A recorded trial that runs again: from its latest checkpoint (iterations continue from
     * there), or from scratch when {@code fromScratch} or when it kept none.
     */
    static LiveTrial resumed(Trial stored, boolean fromScratch, TrialBook book, Path trialsRoot) {
        Path dir = stored.dir().orElse(trialsRoot.resolve(stored.id()));
        LiveTrial trial = new LiveTrial(stored.id(), stored.number(), stored.name(), stored.config(), dir.getParent(),
                dir.getFileName().toString(), book);
        trial.dir();
        if (!fromScratch && !stored.checkpoints().isEmpty()) {
            trial.checkpoints = new TrialCheckpoints(book.plan().checkpoints());
            stored.checkpoints().forEach(trial.checkpoints::seed);
            trial.restart();
        }
        return trial;
    }

    /** The trial's directory path, named on first use (naming costs time that in-memory runs need not spend). */
    Path dir() {
        Path d = dir;
        if (d == null) {
            d = root.resolve(dirName != null ? dirName : Naming.dirName(id, config));
            dir = d;
            identity = null;
        }
        return d;
    }

    // --- TrialContext (user code) ---

    @Override
    public String trialId() {
        return id;
    }

    @Override
    public String trialName() {
        return name;
    }

    @Override
    public long seed() {
        return book.plan().trialSeed(number);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Path trialDir() {
        try {
            return Files.createDirectories(dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create trial directory " + dir(), e);
        }
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public void report(Map<String, ?> metrics) {
        if (!reportMap(metrics)) {
            throw new StopTrialException("trial " + id + " was stopped");
        }
    }

    @Override
    public boolean isStopRequested() {
        return stopRequested;
    }

    @Override
    public void report(Map<String, ?> metrics, Path checkpoint) {
        boolean more = reportMap(metrics);
        Path dir = TrialCheckpoints.directory(trialDir(), iteration);
        try {
            Files.deleteIfExists(dir);
            Files.move(checkpoint, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move checkpoint " + checkpoint + " into " + dir, e);
        }
        checkpointSaved(dir);
        if (!more) {
            throw new StopTrialException("trial " + id + " was stopped");
        }
    }

    @Override
    public Optional<Path> latestCheckpoint() {
        return restoreFrom();
    }

    @Override
    public Optional<Path> checkpointDue(boolean last) {
        boolean due = book.plan().checkpoints().isDue(iteration, last) || last && pauseRequested || checkpointRequested;
        // A trial whose state is about to be replaced by another's (PBT) saves nothing of its own.
        return due && pendingExploit == null ? Optional.of(TrialCheckpoints.directory(trialDir(), iteration))
                : Optional.empty();
    }

    @Override
    public boolean pausing() {
        return pauseRequested;
    }

    @Override
    public void keepPaused(Object instance) {
        pausedInstance = instance;
    }

    @Override
    public Object takePaused() {
        Object instance = pausedInstance;
        pausedInstance = null;
        return instance;
    }

    /** Leaves the trial paused: its slot is free, its state in a checkpoint or in memory. */
    void pause() {
        status = TrialStatus.PAUSED;
    }

    /** Lets a paused trial run again, from its in-memory instance or its latest checkpoint. */
    void unpause() {
        pauseRequested = false;
        if (pausedInstance == null) {
            restoreFrom = checkpoints == null ? null : checkpoints.latest().map(SavedCheckpoint::dir).orElse(null);
        }
        iterationsSinceRestore = 0;
        timeSinceRestore = 0;
    }

    /** The instance a paused trial kept in memory, taken for clean-up when the trial ends paused. */
    Object dropPausedInstance() {
        return takePaused();
    }

    @Override
    public void checkpointSaved(Path dir) {
        SavedCheckpoint saved = new SavedCheckpoint(iteration, dir,
                lastResult == null ? Map.of() : lastResult.metrics());
        // Under the book's lock: another trial may be copying this trial's latest checkpoint (PBT).
        synchronized (book) {
            if (checkpoints == null) {
                checkpoints = new TrialCheckpoints(book.plan().checkpoints());
            }
            checkpoints.saved(saved);
            checkpointRequested = false;
            book.checkpointLanded();
        }
        book.store().addCheckpoint(identity(), saved);
    }

    /** The latest checkpoint saved, if any; under the book's lock. */
    Optional<SavedCheckpoint> latestSaved() {
        return checkpoints == null ? Optional.empty() : checkpoints.latest();
    }

    /** The latest checkpoint saved at or before {@code iteration}; under the book's lock. */
    Optional<SavedCheckpoint> savedUpTo(long iteration) {
        return checkpoints == null ? Optional.empty() : checkpoints.latestUpTo(iteration);
    }

    /**
     * Takes over {@code donor} (another trial's checkpoint) and {@code newConfig}: PBT's exploit,
     * while this trial is paused, under the book's lock. The trial resumes from the copy, its
     * iteration count the donor's. Returns the copy.
     */
    SavedCheckpoint adopt(SavedCheckpoint donor, Config newConfig) {
        if (checkpoints == null) {
            checkpoints = new TrialCheckpoints(book.plan().checkpoints());
        }
        SavedCheckpoint copy = checkpoints.adopt(donor, trialDir());
        config = newConfig;
        identity = null;
        iteration = donor.iteration();
        restoreFrom = copy.dir();
        return copy;
    }

    @Override
    public Optional<Path> restoreFrom() {
        return Optional.ofNullable(restoreFrom);
    }

    // --- TrialSession (the trainable adapter) ---

    @Override
    public TrialContext context() {
        return this;
    }

    @Override
    public boolean report(Map<String, Double> metrics, boolean done) {
        // A result that arrives after a stop request is still recorded: the step ran, and its state
        // may go into a final checkpoint; the book then answers that the trial must stop.
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        Objective objective = book.plan().objective();
        for (String required : objective.required()) {
            if (!metrics.containsKey(required)) {
                throw new MissingMetricException("Trial " + name + " reported " + metrics.keySet()
                        + " but not the experiment's metric '" + required + "'; report it on every result, or set "
                        + "the metric to one of " + metrics.keySet());
            }
        }
        Map<String, Double> values = metrics;
        if (objective.isDerived()) {
            values = new LinkedHashMap<>(metrics);
            values.put(Objective.DERIVED_NAME, objective.derive(metrics));
        }
        iteration++;
        iterationsSinceRestore++;
        timeTotal += seconds;
        timeSinceRestore += seconds;
        Result result = new Result(id, iteration, seconds, timeTotal, timeSinceRestore, System.currentTimeMillis(),
                iterationsSinceRestore, done, values);
        history.add(result.metrics());
        lastResult = result;
        book.store().appendResult(identity(), result);
        return book.onResult(this, result) && !done;
    }

    @Override
    public String numberMetric() {
        return book.plan().numberMetric();
    }

    @Override
    public Object takeReusable() {
        Object instance = reusable;
        reusable = null;
        return instance;
    }

    @Override
    public boolean keepForReuse(Object instance) {
        if (!book.plan().reuse()) {
            return false;
        }
        reusable = instance;
        return true;
    }

    // --- the runner's side ---

    void offerReusable(Object instance) {
        reusable = instance;
    }

    void start() {
        status = TrialStatus.RUNNING;
        lastNanos = System.nanoTime();
    }

    /** True the first time a worker takes this trial in this run (not when it resumes from a pause). */
    boolean firstStart() {
        boolean first = !startedOnce;
        startedOnce = true;
        return first;
    }

    /**
     * Starts again after a failure, keeping the trial's identity: from its latest checkpoint when
     * it has one (iterations continue from there, as Ray's do), else from scratch.
     */
    void restart() {
        Optional<SavedCheckpoint> latest = checkpoints == null ? Optional.empty() : checkpoints.latest();
        restoreFrom = latest.map(SavedCheckpoint::dir).orElse(null);
        iteration = latest.map(SavedCheckpoint::iteration).orElse(0L);
        iterationsSinceRestore = 0;
        timeSinceRestore = 0;
        lastNanos = System.nanoTime();
    }

    void requestStop() {
        stopRequested = true;
    }

    void end(TrialStatus finalStatus, Termination why, Throwable failure) {
        status = finalStatus;
        termination = why;
        error = failure == null ? null : TrialError.of(failure);
    }

    TrialStatus status() {
        return status;
    }

    Optional<Result> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    /** The trial's frozen view now. */
    Trial snapshot() {
        return new Trial(id, number, name, config, status, Optional.ofNullable(termination), iteration,
                Optional.ofNullable(lastResult), history.snapshot(), Optional.ofNullable(error), Optional.ofNullable(dir),
                checkpoints == null ? List.of() : checkpoints.kept());
    }

    /** A view that identifies the trial (id, name, config, directory) without copying its metrics. */
    Trial identity() {
        Trial id = identity;
        if (id == null) {
            id = new Trial(this.id, number, name, config, TrialStatus.RUNNING, Optional.empty(), 0, Optional.empty(),
                    Map.of(), Optional.empty(), Optional.ofNullable(dir));
            identity = id;
        }
        return id;
    }
}
