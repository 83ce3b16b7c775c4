package dev.tune.store;

import dev.tune.Config;
import dev.tune.result.MetricHistory;
import dev.tune.result.MetricStats;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What the events of one trial say so far: the journal's lines, or the shared store's events. */
final class TrialEntry {
    final String id;
    int number;
    String name;
    Path dir;
    Config config = Config.empty();
    TrialStatus status = TrialStatus.PENDING;
    Optional<Termination> termination = Optional.empty();
    Long iterations;
    Optional<TrialError> error = Optional.empty();
    final Map<Path, SavedCheckpoint> checkpoints = new LinkedHashMap<>();
    /** From the end's summary: the last result and the metric statistics; null without one. */
    Result last;
    Map<String, MetricStats> stats;

    TrialEntry(String id) {
        this.id = id;
    }

    Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** Applies one event: added, checkpoint, perturbed or ended. */
    void apply(JournalEvent event, Path experimentDir) {
        switch (event.kind) {
            case Journal.ADDED -> {
                config = Config.of(event.config == null ? Map.of() : event.config);
                dir = StoreLayout.resolve(experimentDir, event.dir == null ? id : event.dir);
                number = event.number != null ? event.number : number;
                name = event.name != null ? event.name : id;
                status = event.status != null ? TrialStatus.valueOf(event.status) : status;
            }
            case Journal.CHECKPOINT -> {
                Path at = StoreLayout.resolve(experimentDir, event.dir);
                checkpoints.put(at, new SavedCheckpoint(event.iteration, at,
                        event.metrics == null ? Map.of() : event.metrics, event.timeTotal));
            }
            case Journal.PERTURBED -> config = Config.of(event.config == null ? Map.of() : event.config);
            case Journal.ENDED -> {
                status = event.status != null ? TrialStatus.valueOf(event.status) : status;
                termination = Optional.ofNullable(event.termination).map(Termination::valueOf);
                error = event.error ? Optional.of(new TrialError(event.errorType, event.errorMessage,
                        String.valueOf(event.errorStackTrace))) : Optional.empty();
                iterations = event.iterations;
                last = event.last;
                stats = event.stats;
            }
            default -> throw new IllegalArgumentException("unknown event " + event.kind);
        }
    }

    /** True when the end's summary makes the trial's results unnecessary for {@link #trial}. */
    boolean summarised() {
        return last != null && stats != null;
    }

    /** The trial from its end's summary, without its results. */
    Trial trial(Predicate<SavedCheckpoint> keep) {
        return new Trial(id, number, name == null ? id : name, config, status, termination,
                iterations != null ? iterations : last.iteration(), Optional.of(last), stats, error,
                Optional.ofNullable(dir), checkpoints.values().stream().filter(keep)
                        .sorted(Comparator.comparingLong(SavedCheckpoint::iteration)).toList());
    }

    /** The trial with {@code results}, its checkpoints those that {@code keep} accepts. */
    Trial trial(List<Result> results, Predicate<SavedCheckpoint> keep) {
        MetricHistory history = new MetricHistory();
        results.forEach(result -> history.add(result.metrics()));
        Optional<Result> last = results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
        return new Trial(id, number, name == null ? id : name, config, status, termination,
                iterations != null ? iterations : results.size(), last, history.snapshot(), error,
                Optional.ofNullable(dir), checkpoints.values().stream().filter(keep)
                        .sorted(Comparator.comparingLong(SavedCheckpoint::iteration)).toList());
    }
}
