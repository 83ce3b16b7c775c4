package dev.tune.store;

import dev.tune.Config;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders of the records the store tests write. */
final class StoreFixtures {

    static final Instant STARTED = Instant.parse("2024-05-01T10:00:00.123456789Z");
    static final Instant UPDATED = STARTED.plusSeconds(42);

    private StoreFixtures() {
    }

    static ExperimentInfo info() {
        Map<String, String> space = new LinkedHashMap<>();
        space.put("lr", "loguniform(1e-4, 1e-1)");
        space.put("batch", "choice([16, 32])");
        return new ExperimentInfo("exp", "com.example.Model", "3f2a1", 7, 4, "random", "random search", List.of("loss"),
                List.of("min"), "loss (min)", space, Map.of("tune.seed", "7", "tune.samples", "4"), STARTED);
    }

    static ExperimentState state(String bestId, double best) {
        return new ExperimentState("FINISHED", Map.of("TERMINATED", 1L, "ERROR", 1L, "RUNNING", 1L),
                Optional.of(bestId), Optional.of(best), UPDATED);
    }

    static Trial added(String id, int number, Config config, Optional<Path> dir) {
        return new Trial(id, number, "#" + number, config, TrialStatus.RUNNING, Optional.empty(), 0,
                Optional.empty(), Map.of(), Optional.empty(), dir);
    }

    static Trial ended(Trial trial, TrialStatus status, Termination termination, long iterations,
            Optional<TrialError> error) {
        return new Trial(trial.id(), trial.number(), trial.name(), trial.config(), status,
                Optional.ofNullable(termination), iterations, Optional.empty(), Map.of(), error, trial.dir());
    }

    static Result result(String id, long iteration, Map<String, Double> metrics) {
        return new Result(id, iteration, 0.25, iteration * 0.25, iteration * 0.25, 1_700_000_000_000L + iteration,
                iteration, false, metrics);
    }

    /** An ordered map of metric values; pairs of name and value. */
    static Map<String, Double> metrics(Object... pairs) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return values;
    }
}
