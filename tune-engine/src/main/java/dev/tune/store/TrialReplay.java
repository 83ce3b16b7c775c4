package dev.tune.store;

import dev.tune.result.MetricHistory;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, TrialEntry> entries = new LinkedHashMap<>();
        JsonLinesReader.readParallel(journal, JournalEvent::parse, event -> {
            String id = event.id;
            try {
                if (Journal.ADDED.equals(event.kind)) {
                    entries.computeIfAbsent(id, TrialEntry::new).apply(event, experimentDir);
                } else if (entries.containsKey(id)) {
                    entries.get(id).apply(event, experimentDir);
                } else {
                    LOG.warn("Skipping an event of trial {} in {}: the journal never added it", id, journal);
                }
            } catch (RuntimeException e) {
                LOG.warn("Skipping an unreadable event of trial {} in {}: {}", id, journal, e.toString());
            }
        });
        List<Trial> trials = new ArrayList<>(entries.size());
        for (TrialEntry entry : entries.values()) {
            try {
                if (entry.summarised()) {
                    trials.add(entry.trial(c -> Files.isDirectory(c.dir())));
                    continue;
                }
                List<Result> results = entry.dir().map(dir -> JsonLinesReader.read(dir.resolve(StoreLayout.RESULT),
                        line -> ResultLine.read(line, entry.id))).orElse(List.of());
                trials.add(entry.trial(results, c -> Files.isDirectory(c.dir())));
            } catch (RuntimeException e) {
                LOG.warn("Skipping trial {} of {}: {}", entry.id, experimentDir, e.toString());
            }
        }
        trials.sort(Comparator.comparingInt(Trial::number));
        return trials;
    }

}
