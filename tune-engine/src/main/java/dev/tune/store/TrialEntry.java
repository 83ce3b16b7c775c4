package dev.tune.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.Config;
import dev.tune.io.Json;
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
    void apply(JsonNode event, Path experimentDir) {
        switch (event.path("event").asText()) {
            case Journal.ADDED -> added(event, experimentDir);
            case Journal.CHECKPOINT -> checkpoint(event, experimentDir);
            case Journal.PERTURBED -> config = Json.readConfig(event.path("config"));
            case Journal.ENDED -> ended(event);
            default -> throw new IllegalArgumentException("unknown event " + event.path("event").asText());
        }
    }

    private void added(JsonNode event, Path experimentDir) {
        TrialStatus newStatus = TrialStatus.valueOf(event.path("status").asText(status.name()));
        Config newConfig = Json.readConfig(event.path("config"));
        String dirText = Json.text(event, "dir");
        dir = StoreLayout.resolve(experimentDir, dirText == null ? id : dirText);
        number = event.path("number").asInt(number);
        name = event.path("name").asText(id);
        config = newConfig;
        status = newStatus;
    }

    /** A checkpoint whose directory still exists (pruned ones are gone). */
    private void checkpoint(JsonNode event, Path experimentDir) {
        Path at = StoreLayout.resolve(experimentDir, Json.text(event, "dir"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        event.path("metrics").fields().forEachRemaining(f -> metrics.put(f.getKey(), Json.readDouble(f.getValue())));
        checkpoints.put(at, new SavedCheckpoint(event.path("iteration").asLong(), at, metrics));
    }

    private void ended(JsonNode event) {
        TrialStatus newStatus = TrialStatus.valueOf(event.path("status").asText(status.name()));
        Optional<Termination> newTermination = Optional.ofNullable(Json.text(event, "termination"))
                .map(Termination::valueOf);
        JsonNode failure = event.path("error");
        error = failure.isObject() ? Optional.of(new TrialError(Json.text(failure, "type"),
                Json.text(failure, "message"), String.valueOf(Json.text(failure, "stackTrace"))))
                : Optional.empty();
        iterations = event.hasNonNull("iterations") ? event.get("iterations").asLong() : null;
        summary(event);
        termination = newTermination;
        status = newStatus;
    }

    private void summary(JsonNode event) {
        if (!event.path("last").isObject() || !event.path("stats").isObject()) {
            return;
        }
        try {
            last = ResultLine.read(event.get("last"), id);
        } catch (java.io.IOException e) {
            return;
        }
        Map<String, MetricStats> read = new LinkedHashMap<>();
        event.get("stats").fields().forEachRemaining(field -> {
            JsonNode v = field.getValue();
            double[] window = new double[Math.max(0, v.size() - 5)];
            for (int i = 0; i < window.length; i++) {
                window[i] = Json.readDouble(v.get(5 + i));
            }
            read.put(field.getKey(), new MetricStats(Json.readDouble(v.get(0)), Json.readDouble(v.get(1)),
                    Json.readDouble(v.get(2)), Json.readDouble(v.get(3)), v.get(4).asLong(), window));
        });
        stats = read;
    }

    /** True when the end's summary makes the trial's results unnecessary for {@link #trial}. */
    boolean summarised() {
        return last != null && stats != null;
    }

    /** The trial from its end's summary, without its results. */
    Trial trial(java.util.function.Predicate<SavedCheckpoint> keep) {
        return new Trial(id, number, name == null ? id : name, config, status, termination,
                iterations != null ? iterations : last.iteration(), Optional.of(last), stats, error,
                Optional.ofNullable(dir), checkpoints.values().stream().filter(keep)
                        .sorted(Comparator.comparingLong(SavedCheckpoint::iteration)).toList());
    }

    /** The trial with {@code results}, its checkpoints those that {@code keep} accepts. */
    Trial trial(List<Result> results, java.util.function.Predicate<SavedCheckpoint> keep) {
        MetricHistory history = new MetricHistory();
        results.forEach(result -> history.add(result.metrics()));
        Optional<Result> last = results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
        return new Trial(id, number, name == null ? id : name, config, status, termination,
                iterations != null ? iterations : results.size(), last, history.snapshot(), error,
                Optional.ofNullable(dir), checkpoints.values().stream().filter(keep)
                        .sorted(Comparator.comparingLong(SavedCheckpoint::iteration)).toList());
    }
}
