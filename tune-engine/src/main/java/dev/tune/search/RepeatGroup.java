package dev.tune.search;

import dev.tune.Config;
import dev.tune.result.MetricHistory;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trials of one config in a {@link Repeater}: who was suggested, who has completed, and the
 * one trial that stands for them all once they have.
 */
final class RepeatGroup {

    private final Config config;
    private final int size;
    private final List<String> members = new ArrayList<>();
    private final Map<String, Trial> completed = new LinkedHashMap<>();

    RepeatGroup(String primaryId, Config config, int size) {
        this.config = config;
        this.size = size;
        members.add(primaryId);
    }

    Config config() {
        return config;
    }

    /** True when every repeat has been suggested. */
    boolean full() {
        return members.size() >= size;
    }

    void add(String trialId) {
        members.add(trialId);
    }

    /** Records that {@code trial} ended; true when it was the last of the group to end. */
    boolean complete(Trial trial) {
        completed.put(trial.id(), trial);
        return full() && completed.size() == size;
    }

    /**
     * The group as one trial under the first member's id: its last result holds, for each of
     * {@code metrics}, the mean of the members' final values (members without a finite value
     * left out, NaN when none has one). It counts as terminated when any member terminated.
     */
    Trial summary(List<String> metrics) {
        Trial primary = completed.get(members.get(0));
        Trial outcome = members.stream().map(completed::get)
                .filter(t -> t.status() == TrialStatus.TERMINATED).findFirst().orElse(primary);
        Map<String, Double> means = new LinkedHashMap<>();
        for (String metric : metrics) {
            means.put(metric, mean(metric));
        }
        Optional<Result> last = primary.lastResult();
        Result result = new Result(primary.id(), last.map(Result::iteration).orElse(primary.iterations()),
                last.map(Result::timeThisIterSeconds).orElse(0.0), last.map(Result::timeTotalSeconds).orElse(0.0),
                last.map(Result::timeSinceRestoreSeconds).orElse(0.0), last.map(Result::timestamp).orElse(0L),
                last.map(Result::iterationsSinceRestore).orElse(primary.iterations()), true, means);
        MetricHistory history = new MetricHistory();
        history.add(means);
        return new Trial(primary.id(), primary.number(), primary.name(), config, outcome.status(),
                outcome.termination(), primary.iterations(), Optional.of(result), history.snapshot(),
                outcome.error(), primary.dir());
    }

    private double mean(String metric) {
        double sum = 0;
        int count = 0;
        for (Trial trial : completed.values()) {
            double value = trial.lastResult().map(r -> r.metric(metric)).orElse(Double.NaN);
            if (Double.isFinite(value)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
