package dev.tune.run;

import dev.tune.Config;
import dev.tune.StopTrialException;
import dev.tune.TrialContext;
import dev.tune.checkpoint.TrialCheckpoints;
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
 * How far it has got (results, clock, checkpoints) is its {@link TrialProgress}; what the runner
 * asks of it (stop, pause, checkpoint, PBT's exploit) its {@link TrialRequests}. Others change it
 * only through its methods and those of its requests.
 */
final class LiveTrial implements TrialContext, TrialSession {

    /** The trial's id, as {@link #trialId()}; final, so others read it directly. */
    final String id;
    private final int number;
    private final String name;
    /** Replaced only by a PBT exploit, under the book's lock, while the trial is paused. */
    private volatile Config config;
    private final TrialBook book;
    private final Path root;
    private final String dirName;
    private final TrialProgress progress;
    private final TrialThread thread = new TrialThread();
    /** The GPUs the trial holds while it runs ({@link GpuPool}). */
    private volatile List<Integer> gpuIds = List.of();
    private final TrialRequests requests = new TrialRequests();
    private Path dir;
    private Trial identity;

    private TrialStatus status = TrialStatus.PENDING;
    private Termination termination;
    private TrialError error;
    private Object pausedInstance;
    private boolean startedOnce;
    private Object reusable;

    /**
     * A trial whose directory is {@code root/dirName}, or {@code root/<default name>} when
     * dirName is null.
     */
    LiveTrial(String id, int number, String name, Config config, Path root, String dirName, TrialBook book) {
        this.id = id;
        this.number = number;
        this.name = name;
        this.config = config;
        this.root = root;
        this.dirName = dirName;
        this.book = book;
        this.progress = new TrialProgress(book.plan().checkpoints());
    }

    /**
     * A recorded trial that runs again: from its latest checkpoint (iterations continue from
     * there), or from scratch when {@code fromScratch} or when it kept none.
     */
    static LiveTrial resumed(Trial stored, boolean fromScratch, TrialBook book, Path trialsRoot) {
        Path dir = stored.dir().orElse(trialsRoot.resolve(stored.id()));
        LiveTrial trial = new LiveTrial(stored.id(), stored.number(), stored.name(), stored.config(),
                dir.getParent(), dir.getFileName().toString(), book);
        trial.dir();
        if (!fromScratch && !stored.checkpoints().isEmpty()) {
            trial.progress.resumeFrom(stored.checkpoints());
        }
        return trial;
    }

    /**
     * The trial's directory path, named on first use (naming costs time that in-memory runs need
     * not spend).
     */
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
        return progress.iteration();
    }

    @Override
    public void report(Map<String, ?> metrics) {
        if (!reportMap(metrics)) {
            throw new StopTrialException("trial " + id + " was stopped");
        }
    }

    @Override
    public boolean isStopRequested() {
        return requests.stopRequested();
    }

    @Override
    public void report(Map<String, ?> metrics, Path checkpoint) {
        boolean more = reportMap(metrics);
        Path dir = TrialCheckpoints.directory(trialDir(), progress.iteration());
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
        long iteration = progress.iteration();
        boolean due = book.plan().checkpoints().isDue(iteration, last) || last && requests.pausing()
                || requests.checkpointWanted();
        // A trial whose state is about to be replaced by another's (PBT) saves nothing of its own.
        return due && requests.pendingExploit().isEmpty()
                ? Optional.of(TrialCheckpoints.directory(trialDir(), iteration)) : Optional.empty();
    }

    @Override
    public boolean pausing() {
        return requests.pausing();
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
        requests.resume();
        progress.resume(pausedInstance != null);
    }

    /** The instance a paused trial kept in memory, taken for clean-up when the trial ends paused. */
    Object dropPausedInstance() {
        return takePaused();
    }

    @Override
    public void checkpointSaved(Path dir) {
        SavedCheckpoint saved = progress.checkpointAt(dir);
        // Under the book's lock: another trial may be copying this trial's latest checkpoint (PBT).
        synchronized (book) {
            progress.saved(saved);
            requests.checkpointSaved();
            book.checkpointLanded();
        }
        book.store().addCheckpoint(identity(), saved);
    }

    /** The latest checkpoint saved, if any; under the book's lock. */
    Optional<SavedCheckpoint> latestSaved() {
        return progress.latestSaved();
    }

    /** The latest checkpoint saved at or before {@code iteration}, else the oldest; under the book's lock. */
    Optional<SavedCheckpoint> savedUpTo(long iteration) {
        return progress.savedUpTo(iteration);
    }

    /**
     * Takes over {@code donor} (another trial's checkpoint) and {@code newConfig}: PBT's exploit,
     * while this trial is paused, under the book's lock. The trial resumes from the copy, its
     * iteration count the donor's. Returns the copy.
     */
    SavedCheckpoint adopt(SavedCheckpoint donor, Config newConfig) {
        SavedCheckpoint copy = progress.adopt(donor, trialDir());
        config = newConfig;
        identity = null;
        return copy;
    }

    @Override
    public Optional<Path> restoreFrom() {
        return progress.restoreFrom();
    }

    // --- TrialSession (the trainable adapter) ---

    @Override
    public TrialContext context() {
        return this;
    }

    @Override
    public boolean report(Map<String, Double> metrics, boolean done) {
        if (thread.leftBehind()) {
            // the trial ended without this thread (TrialDeadlines): nothing it reports now is recorded
            throw new StopTrialException("trial " + name + " ended while this step ran past its time limit");
        }
        // A result that arrives after a stop request is still recorded: the step ran, and its state
        // may go into a final checkpoint; the book then answers that the trial must stop.
        long arrived = System.nanoTime();
        Objective objective = book.plan().objective();
        for (String required : objective.required()) {
            if (!metrics.containsKey(required)) {
                throw new MissingMetricException("Trial " + name + " reported " + metrics.keySet()
                        + " but not the experiment's metric '" + required + "'; report it on every result, or"
                        + " set the metric to one of " + metrics.keySet());
            }
        }
        Map<String, Double> values = metrics;
        if (objective.isDerived()) {
            values = new LinkedHashMap<>(metrics);
            values.put(Objective.DERIVED_NAME, objective.derive(metrics));
        }
        Result result = progress.step(id, values, done, arrived);
        thread.stepFrom(result.timeTotalSeconds(), arrived);
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

    /** Hands the trial the instance its worker kept from its previous trial, for reuse. */
    void offerReusable(Object instance) {
        reusable = instance;
    }

    /** A worker takes the trial: it runs, and its clock starts. */
    void start() {
        status = TrialStatus.RUNNING;
        progress.start();
        thread.stepFrom(progress.timeTotal(), System.nanoTime());
    }

    @Override
    public List<Integer> gpuIds() {
        return gpuIds;
    }

    /** The trial runs on GPUs {@code ids}; under the book's lock. */
    void useGpus(List<Integer> ids) {
        gpuIds = List.copyOf(ids);
    }

    /** The trial stops running: the GPUs it held, which it holds no more; under the book's lock. */
    List<Integer> releaseGpus() {
        List<Integer> held = gpuIds;
        gpuIds = List.of();
        return held;
    }

    /** Which thread runs the trial's body, and its step's clock: for {@link TrialDeadlines}. */
    TrialThread thread() {
        return thread;
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
        progress.restart();
        thread.stepFrom(progress.timeTotal(), System.nanoTime());
    }

    /** What the runner and its scheduler ask of this trial; asked under the book's lock. */
    TrialRequests requests() {
        return requests;
    }

    /** Records the trial's end: {@code finalStatus}, {@code why}, and the {@code failure} if it failed. */
    void end(TrialStatus finalStatus, Termination why, Throwable failure) {
        status = finalStatus;
        termination = why;
        error = failure == null ? null : TrialError.of(failure);
    }

    TrialStatus status() {
        return status;
    }

    /** The trial's frozen view now. */
    Trial snapshot() {
        return new Trial(id, number, name, config, status, Optional.ofNullable(termination), progress.iteration(),
                progress.lastResult(), progress.history(), Optional.ofNullable(error), Optional.ofNullable(dir),
                progress.kept());
    }

    /** A view that identifies the trial (id, name, config, directory) without copying its metrics. */
    Trial identity() {
        Trial id = identity;
        if (id == null) {
            id = new Trial(this.id, number, name, config, TrialStatus.RUNNING, Optional.empty(), 0,
                    Optional.empty(), Map.of(), Optional.empty(), Optional.ofNullable(dir));
            identity = id;
        }
        return id;
    }
}
