package dev.tune.store;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rebuilds trials from a stream of {@link StoreEvents}, in memory: what a shared store's event log
 * says about each trial so far, as {@link TrialReplay} reads the local journal. Trial directories
 * resolve against {@code experimentDir}. Not thread-safe.
 */
public final class TrialEvents {

    private final Path experimentDir;
    private final Map<Integer, TrialEntry> entries = new LinkedHashMap<>();
    private final Map<Integer, List<Result>> results = new HashMap<>();

    public TrialEvents(Path experimentDir) {
        this.experimentDir = experimentDir;
    }

    /** Applies one event of trial {@code number}; a {@link StoreEvents#DECIDED} mark is no trial's, and is skipped. */
    public void apply(int number, String kind, String body) {
        if (StoreEvents.DECIDED.equals(kind)) {
            return;
        }
        if (StoreEvents.RESULT.equals(kind)) {
            TrialEntry entry = entries.get(number);
            results.computeIfAbsent(number, n -> new ArrayList<>())
                    .add(StoreEvents.readResult(body, entry == null ? null : entry.id));
            return;
        }
        JournalEvent event;
        try {
            event = JournalEvent.parse(body);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event of trial " + number + ": " + e.getMessage(), e);
        }
        TrialEntry entry = entries.computeIfAbsent(number, n -> new TrialEntry(event.id));
        entry.apply(event, experimentDir);
    }

    /** The last result applied for trial {@code number}. */
    public Result lastResult(int number) {
        List<Result> list = results.get(number);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    /** Trial {@code number} as its events so far describe it. */
    public Trial trial(int number) {
        TrialEntry entry = entries.get(number);
        if (entry == null) {
            throw new IllegalArgumentException("no event added trial " + number);
        }
        return entry.summarised() && !results.containsKey(number) ? entry.trial(c -> true)
                : entry.trial(results.getOrDefault(number, List.of()), c -> true);
    }

    /**
     * Trial {@code number}'s config, directory and checkpoints, without its results: cheap to ask
     * after every checkpoint. Empty once the trial ended and was taken.
     */
    public Optional<Trial> withoutResults(int number) {
        TrialEntry entry = entries.get(number);
        return entry == null ? Optional.empty() : Optional.of(entry.trial(List.of(), c -> true));
    }

    /** True when trial {@code number}'s end carries a summary of its results. */
    public boolean summarised(int number) {
        TrialEntry entry = entries.get(number);
        return entry != null && entry.summarised();
    }

    /** The trials whose end carries no summary (or that have not ended): their results are needed. */
    public Set<Integer> needResults() {
        Set<Integer> numbers = new TreeSet<>();
        entries.forEach((number, entry) -> {
            if (!entry.summarised()) {
                numbers.add(number);
            }
        });
        return numbers;
    }

    /**
     * Trial {@code number} as it ended, then dropped from here: its summary when its end carries
     * one (its results are let go), else every result applied.
     */
    public Trial takeEnded(int number) {
        TrialEntry entry = entries.get(number);
        Trial trial = entry != null && entry.summarised() ? entry.trial(c -> true) : trial(number);
        forget(number);
        return trial;
    }

    /** Drops what is kept of trial {@code number}, once nothing more will be asked of it. */
    public void forget(int number) {
        entries.remove(number);
        results.remove(number);
    }

    /** Every trial known, by number. */
    public List<Trial> trials() {
        List<Trial> all = new ArrayList<>(entries.size());
        for (Integer number : entries.keySet()) {
            all.add(trial(number));
        }
        all.sort(Comparator.comparingInt(Trial::number));
        return all;
    }
}
