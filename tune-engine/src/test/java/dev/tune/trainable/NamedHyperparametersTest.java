package dev.tune.trainable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.run.Tuner;
import dev.tune.trainable.examples.NamedBooster;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code name =} names a hyperparameter in configs and results while its member keeps its Java name. */
class NamedHyperparametersTest {

    @Test
    void aNamedHyperparameterReachesItsMemberUnderItsOwnName() {
        ExperimentResult result = Tuner.run(NamedBooster.class,
                TuneOptions.builder().inMemory().verbose(0).seed(3).searcher("random").build());
        Set<Long> depths = new TreeSet<>();
        Set<Long> rounds = new TreeSet<>();
        for (Trial trial : result.trials()) {
            assertEquals(Set.of("max_depth", "lambda", "rounds"), trial.config().asMap().keySet());
            Result last = trial.lastResult().orElseThrow();
            assertEquals(trial.config().getDouble("max_depth"), last.metric("seen_max_depth"));
            assertEquals(trial.config().getDouble("lambda"), last.metric("seen_lambda"));
            depths.add(trial.config().getLong("max_depth"));
            rounds.add(trial.config().getLong("rounds"));
        }
        assertEquals(Set.of(3L, 4L), depths, "@RandInt's upper bound is exclusive, as Ray's randint");
        assertEquals(Set.of(1L, 2L), rounds, "@QRandInt's upper bound is inclusive, as Ray's qrandint");
        assertTrue(result.bestTrial().isPresent());
    }
}
