package dev.tune.store.postgres;

import dev.tune.store.ExperimentInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What must be the same for workers to share an experiment: the trainable, the search space, the
 * objective, and the searcher with its sample count (every worker's searcher replays the same log,
 * so they must be the same searcher). The other options may differ per worker (parallel trials,
 * verbosity).
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static Map<String, String> parts(ExperimentInfo info) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("trainable", info.trainable());
        parts.put("space", String.valueOf(info.space()));
        parts.put("objective", info.objective() + " " + info.metrics() + " " + info.modes());
        parts.put("searcher", info.searcher());
        parts.put("samples", Integer.toString(info.samples()));
        return parts;
    }

    static String of(ExperimentInfo info) {
        return String.valueOf(parts(info));
    }

    /** Each part that differs, as {@code part: stored ... / this worker ...}; empty when they match. */
    static List<String> differences(ExperimentInfo stored, ExperimentInfo mine) {
        Map<String, String> a = parts(stored);
        Map<String, String> b = parts(mine);
        List<String> differences = new ArrayList<>();
        for (String part : a.keySet()) {
            if (!Objects.equals(a.get(part), b.get(part))) {
                differences.add(part + ": the experiment has " + a.get(part) + ", this worker has " + b.get(part));
            }
        }
        return differences;
    }
}
