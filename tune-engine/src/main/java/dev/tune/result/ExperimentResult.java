package dev.tune.result;

import dev.tune.Mode;
import dev.tune.io.AtomicFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an experiment, as Ray's {@code ResultGrid}: every trial, the best one or the
 * Pareto front, counts by status, and exports to CSV and JSON. Returned by the tuner, or read back
 * from an experiment directory with
 * {@code StoredExperiment.loadResult(dir)}. Immutable.
 *
 * <p>Comparisons use only finite values: a NaN or infinite value is never best. Ray considers
 * every trial that reported the metric, and so does this class, including trials that ended in
 * error. Ties go to the lower trial number.
 */
public final class ExperimentResult {

    private final String name;
    private final Objective objective;
    private final List<Trial> trials;
    private final Optional<Path> dir;
    private final Duration wallTime;
    private final long seed;
    private final Optional<String> searcherDescription;

    /**
     * @param trials every trial, in any order; kept by trial number
     * @param dir the experiment directory when results were persisted
     * @param wallTime how long the experiment ran
     * @param seed the experiment's random seed
     */
    public ExperimentResult(String name, Objective objective, List<Trial> trials, Optional<Path> dir,
            Duration wallTime, long seed) {
        this(name, objective, trials, dir, wallTime, seed, Optional.empty());
    }

    /**
     * @param trials every trial, in any order; kept by trial number
     * @param dir the experiment directory when results were persisted
     * @param wallTime how long the experiment ran
     * @param seed the experiment's random seed
     * @param searcherDescription what searched, in words, when known (see {@link #searcherDescription()})
     */
    public ExperimentResult(String name, Objective objective, List<Trial> trials, Optional<Path> dir,
            Duration wallTime, long seed, Optional<String> searcherDescription) {
        this.searcherDescription = Objects.requireNonNull(searcherDescription, "searcherDescription");
        this.name = Objects.requireNonNull(name, "name");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.trials = trials.stream().sorted(Comparator.comparingInt(Trial::number)).toList();
        this.dir = Objects.requireNonNull(dir, "dir");
        this.wallTime = Objects.requireNonNull(wallTime, "wallTime");
        this.seed = seed;
    }

    public String name() {
        return name;
    }

    public Objective objective() {
        return objective;
    }

    /** Every trial, by trial number; unmodifiable. */
    public List<Trial> trials() {
        return trials;
    }

    /** The experiment directory, when results were persisted. */
    public Optional<Path> dir() {
        return dir;
    }

    public Duration wallTime() {
        return wallTime;
    }

    public long seed() {
        return seed;
    }

    /**
     * What searched, in words, as the summary and the report say it: the searcher the user named with
     * its settings that matter, e.g. {@code TPE (10 random start-up trials, ...)}, or for {@code auto} the
     * sentence saying what it chose and why, e.g. {@code auto chose Gaussian-process search (...) for 100
     * trials of 4 hyperparameters: ...}. Empty for a result built without it, or read from a record
     * written before tune recorded it.
     */
    public Optional<String> searcherDescription() {
        return searcherDescription;
    }

    /**
     * The trial with the best last value of the objective's metric; empty when no trial has a
     * finite one.
     *
     * @throws IllegalStateException for a multi-objective experiment: ask for {@link #paretoFront()},
     *     or for one metric with {@link #bestTrial(String, Mode, Scope)}
     */
    public Optional<Trial> bestTrial() {
        return bestTrial(objective.metric(), objective.mode(), Scope.LAST);
    }

    /**
     * The best trial's best checkpoint: among its kept checkpoints, the one whose recorded value of
     * the objective is best (the latest when none recorded a finite value). Empty when the best
     * trial kept none; throws for a multi-objective experiment, as {@link #bestTrial()} does.
     */
    public Optional<SavedCheckpoint> bestCheckpoint() {
        return bestTrial().flatMap(trial -> {
            String metric = objective.metric();
            Mode mode = objective.mode();
            SavedCheckpoint best = null;
            for (SavedCheckpoint checkpoint : trial.checkpoints()) {
                Double value = checkpoint.metrics().get(metric);
                if (value != null && Double.isFinite(value) && (best == null
                        || mode.isBetter(value, best.metrics().getOrDefault(metric, mode.worst())))) {
                    best = checkpoint;
                }
            }
            return best != null ? Optional.of(best) : trial.latestCheckpoint();
        });
    }

    /**
     * The trial with the best finite value of {@code metric} under {@code scope}, among the
     * feasible trials ({@link #feasible()}); ties go to the lower number.
     */
    public Optional<Trial> bestTrial(String metric, Mode mode, Scope scope) {
        return TrialRanking.best(feasible(), metric, mode, scope);
    }

    /**
     * The trials whose last values of the objective's metrics, all finite, no other trial beats in
     * every metric at once (each in its own mode), by trial number. For a single objective, the
     * trials tied for best.
     */
    public List<Trial> paretoFront() {
        return TrialRanking.paretoFront(feasible(), objective.metrics(), objective.modes());
    }

    /**
     * The trials that meet every constraint of the objective in their last result (all trials when
     * there are no constraints), by trial number: where the best trial and the Pareto front are taken.
     */
    public List<Trial> feasible() {
        if (objective.constraints().isEmpty()) {
            return trials;
        }
        return trials.stream()
                .filter(t -> objective.violation(t.lastResult().map(Result::metrics).orElse(Map.of())) == 0)
                .toList();
    }

    /** How many trials are in each status; every status is present. */
    public Map<TrialStatus, Long> countByStatus() {
        Map<TrialStatus, Long> counts = new EnumMap<>(TrialStatus.class);
        for (TrialStatus status : TrialStatus.values()) {
            counts.put(status, 0L);
        }
        trials.forEach(trial -> counts.merge(trial.status(), 1L, Long::sum));
        return counts;
    }

    /** The trials that ended in error, by trial number. */
    public List<Trial> errors() {
        return trials.stream().filter(trial -> trial.status() == TrialStatus.ERROR).toList();
    }

    /** One CSV row per trial: identity, status, {@code config/*} columns, last metric values, error. */
    public String toCsv() {
        return ResultCsv.format(trials);
    }

    /** The experiment and its trials as pretty-printed JSON. */
    public String toJson() {
        return ResultJson.format(this);
    }

    /** Writes {@link #toCsv()} to {@code file}, replacing it atomically. */
    public void exportCsv(Path file) {
        AtomicFiles.write(file, toCsv());
    }

    /** Writes {@link #toJson()} to {@code file}, replacing it atomically. */
    public void exportJson(Path file) {
        AtomicFiles.write(file, toJson());
    }

    @Override
    public String toString() {
        return "ExperimentResult[" + name + ", " + trials.size() + " trials, " + objective + "]";
    }
}
