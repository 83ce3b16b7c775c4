package dev.tune.store;

import dev.tune.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.Config;
import dev.tune.result.MetricHistory;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds an experiment's trials from its files: the {@code trials.jsonl} journal gives each
 * trial's identity, config and final status (the last event wins), and the trial's
 * {@code result.json} gives its last result and, replayed through {@link MetricHistory}, its
 * metric statistics. A trial whose files cannot be read is skipped with a warning; the others
 * still load.
 */
final class TrialReplay {

    private static final Logger LOG = LoggerFactory.getLogger(TrialReplay.class);

    private TrialReplay() {
    }

    /** The trials recorded in {@code experimentDir}, by trial number. */
    static List<Trial> load(Path experimentDir) {
        Path journal = experimentDir.resolve(StoreLayout.JOURNAL);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode event : JsonLinesReader.read(journal, TrialReplay::event)) {
            String id = event.get("id").asText();
            try {
                String kind = event.get("event").asText();
                if (Journal.ADDED.equals(kind)) {
                    entries.computeIfAbsent(id, Entry::new).added(event, experimentDir);
                } else if (entries.containsKey(id) && Journal.CHECKPOINT.equals(kind)) {
                    entries.get(id).checkpoint(event, experimentDir);
                } else if (entries.containsKey(id) && Journal.PERTURBED.equals(kind)) {
                    entries.get(id).config = Json.readConfig(event.path("config"));
                } else if (entries.containsKey(id)) {
                    entries.get(id).ended(event);
                } else {
                    LOG.warn("Skipping the end of trial {} in {}: the journal never added it", id, journal);
                }
            } catch (RuntimeException e) {
                LOG.warn("Skipping an unreadable event of trial {} in {}: {}", id, journal, e.toString());
            }
        }
        List<Trial> trials = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            try {
                trials.add(entry.trial());
            } catch (RuntimeException e) {
                LOG.warn("Skipping trial {} of {}: {}", entry.id, experimentDir, e.toString());
            }
        }
        trials.sort(Comparator.comparingInt(Trial::number));
        return trials;
    }

    private static JsonNode event(String line) throws IOException {
        JsonNode event = Json.parseObject(line);
        String kind = Json.text(event, "event");
        if (!Journal.ADDED.equals(kind) && !Journal.ENDED.equals(kind) && !Journal.CHECKPOINT.equals(kind)
                && !Journal.PERTURBED.equals(kind)) {
            throw new IOException("unknown event " + kind);
        }
        if (Json.text(event, "id") == null) {
            throw new IOException("an event without a trial id");
        }
        return event;
    }

    /** What the journal says about one trial so far. */
    private static final class Entry {
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

        Entry(String id) {
            this.id = id;
        }

        void added(JsonNode event, Path experimentDir) {
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
        void checkpoint(JsonNode event, Path experimentDir) {
            Path at = StoreLayout.resolve(experimentDir, Json.text(event, "dir"));
            Map<String, Double> metrics = new LinkedHashMap<>();
            event.path("metrics").fields().forEachRemaining(f -> metrics.put(f.getKey(), Json.readDouble(f.getValue())));
            checkpoints.put(at, new SavedCheckpoint(event.path("iteration").asLong(), at, metrics));
        }

        void ended(JsonNode event) {
            TrialStatus newStatus = TrialStatus.valueOf(event.path("status").asText(status.name()));
            Optional<Termination> newTermination = Optional.ofNullable(Json.text(event, "termination"))
                    .map(Termination::valueOf);
            JsonNode failure = event.path("error");
            error = failure.isObject() ? Optional.of(new TrialError(Json.text(failure, "type"),
                    Json.text(failure, "message"), String.valueOf(Json.text(failure, "stackTrace"))))
                    : Optional.empty();
            iterations = event.hasNonNull("iterations") ? event.get("iterations").asLong() : null;
            termination = newTermination;
            status = newStatus;
        }

        Trial trial() {
            List<Result> results = JsonLinesReader.read(dir.resolve(StoreLayout.RESULT),
                    line -> ResultLine.read(line, id));
            MetricHistory history = new MetricHistory();
            results.forEach(result -> history.add(result.metrics()));
            Optional<Result> last = results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
            return new Trial(id, number, name == null ? id : name, config, status, termination,
                    iterations != null ? iterations : results.size(), last, history.snapshot(), error,
                    Optional.of(dir), checkpoints.values().stream().filter(c -> java.nio.file.Files.isDirectory(c.dir()))
                            .sorted(Comparator.comparingLong(SavedCheckpoint::iteration)).toList());
        }
    }
}
