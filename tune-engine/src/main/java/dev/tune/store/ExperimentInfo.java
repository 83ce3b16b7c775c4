package dev.tune.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The description of an experiment as stored in {@code experiment.json}: enough for a person or a
 * tool to know what ran, and for a later run to resume or re-run trials.
 *
 * @param name the experiment's name
 * @param trainable the trainable's class, or {@code Class#method} for a method trainable
 * @param tag a short random tag that prefixes trial ids, e.g. {@code 3f2a1}
 * @param searcher the searcher's name as the user gave it, e.g. {@code auto}, or {@code custom}
 * @param searcherDescription what searched, in words ({@code Searcher.describe()}); for {@code auto}
 *     the sentence saying what it chose and why; null in a record written before tune said it
 * @param metrics the objective's metric names ({@code objective} for a derived objective)
 * @param modes the objective's modes, {@code min} or {@code max}, one per metric
 * @param objective how the objective is computed, in words
 * @param space each hyperparameter's domain, described in Ray's vocabulary
 * @param options every resolved option, as {@code tune.*} keys and text values
 */
public record ExperimentInfo(
        String name,
        String trainable,
        String tag,
        long seed,
        int samples,
        String searcher,
        String searcherDescription,
        List<String> metrics,
        List<String> modes,
        String objective,
        Map<String, String> space,
        Map<String, String> options,
        Instant startedAt) {

    public ExperimentInfo {
        metrics = List.copyOf(metrics);
        modes = List.copyOf(modes);
        space = Collections.unmodifiableMap(new LinkedHashMap<>(space));
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
