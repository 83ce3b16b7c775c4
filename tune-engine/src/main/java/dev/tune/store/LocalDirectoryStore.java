package dev.tune.store;

import dev.tune.io.AtomicFiles;
import dev.tune.io.Json;
import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An experiment recorded as files in one directory, with Ray's file names where Ray has them:
 * <ul>
 *   <li>{@code experiment.json}: the {@link ExperimentInfo}, replaced atomically;</li>
 *   <li>{@code experiment-state.json}: the latest {@link ExperimentState}, replaced atomically;</li>
 *   <li>{@code trials.jsonl}: the append-only journal, one JSON line when a trial is added, saves a
 *       checkpoint, is perturbed by PBT, and ends;</li>
 *   <li>{@code pbt_global.txt} and {@code pbt_policy_<trial>.txt}: PBT's logs ({@link PbtLog});</li>
 *   <li>per trial, in the trial's directory (or {@code <dir>/<trial id>} when it names none):
 *       {@code params.json} (its config), {@code result.json} (one JSON line per result, Ray's
 *       field names, metrics as top-level fields), {@code progress.csv} (columns fixed by the
 *       first result: a metric first reported later is in {@code result.json} only) and, for a
 *       failed trial, {@code error.txt} (the stack trace).</li>
 * </ul>
 * Every line is flushed as it is written (not synced), so a crash loses at most the line being
 * written, and {@link StoredExperiment#load} skips that line; a {@link #buffered} store, written by
 * a {@link BackgroundStore}, flushes after each batch of writes instead, so a crash loses what was
 * not yet written, as it would lose what waits in the writer's queue. Each trial's files stay open from its
 * first result until it ends. Write failures are {@link UncheckedIOException}s naming the file.
 * Thread-safe as {@link ExperimentStore} requires.
 */
public final class LocalDirectoryStore implements ExperimentStore {

    private final Path dir;
    private final boolean flushEachLine;
    private final Journal journal;
    private final Map<String, TrialFiles> open = new ConcurrentHashMap<>();

    /** A store writing into {@code experimentDir}, which is created when missing. */
    public LocalDirectoryStore(Path experimentDir) {
        this(experimentDir, true);
    }

    private LocalDirectoryStore(Path experimentDir, boolean flushEachLine) {
        this.dir = Objects.requireNonNull(experimentDir, "experimentDir");
        this.flushEachLine = flushEachLine;
        this.journal = new Journal(dir.resolve(StoreLayout.JOURNAL), flushEachLine);
    }

    /** A store that writes lines out only on {@link #flush()}: for a background writer that flushes per batch. */
    public static ExperimentStore buffered(Path experimentDir, String name) {
        return ExperimentStore.inBackground(new LocalDirectoryStore(experimentDir, false), name);
    }

    @Override
    public void flush() {
        for (TrialFiles files : open.values()) {
            files.flush();
        }
        journal.flush();
    }

    @Override
    public void open(ExperimentInfo experiment) {
        AtomicFiles.write(dir.resolve(StoreLayout.EXPERIMENT), ExperimentJson.write(experiment));
    }

    @Override
    public void addTrial(Trial trial) {
        Path trialDir = StoreLayout.trialDir(dir, trial);
        boolean fresh = TrialFiles.writeParams(trialDir, trial.config());
        open.computeIfAbsent(trial.id(), id -> new TrialFiles(trialDir, flushEachLine, fresh));
        journal.added(trial, StoreLayout.relative(dir, trialDir));
    }

    @Override
    public void appendResult(Trial trial, Result result) {
        TrialFiles files = open.get(trial.id());
        if (files == null) {
            files = open.computeIfAbsent(trial.id(),
                    id -> new TrialFiles(StoreLayout.trialDir(dir, trial), flushEachLine, false));
        }
        files.append(result);
    }

    @Override
    public void addCheckpoint(Trial trial, SavedCheckpoint checkpoint) {
        journal.checkpoint(trial, checkpoint, StoreLayout.relative(dir, checkpoint.dir()));
    }

    @Override
    public void perturbed(Trial trial, Perturbation step, boolean log) {
        AtomicFiles.write(StoreLayout.trialDir(dir, trial).resolve(StoreLayout.PARAMS),
                Json.pretty(out -> Json.writeConfig(out, step.config())));
        journal.perturbed(step);
        if (log) {
            PbtLog.write(dir, step);
        }
    }

    @Override
    public void endTrial(Trial trial) {
        TrialFiles files = open.remove(trial.id());
        try {
            if (files != null) {
                files.close();
            }
            trial.error().ifPresent(error -> TrialFiles.writeError(StoreLayout.trialDir(dir, trial), error));
        } finally {
            journal.ended(trial);
        }
    }

    @Override
    public void saveState(ExperimentState state) {
        AtomicFiles.write(dir.resolve(StoreLayout.STATE), ExperimentJson.write(state));
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (String id : List.copyOf(open.keySet())) {
            TrialFiles files = open.remove(id);
            if (files != null) {
                closeInto(files::close, failures);
            }
        }
        closeInto(journal::close, failures);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void closeInto(Runnable close, List<RuntimeException> failures) {
        try {
            close.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    @Override
    public String toString() {
        return "LocalDirectoryStore[" + dir + "]";
    }
}
