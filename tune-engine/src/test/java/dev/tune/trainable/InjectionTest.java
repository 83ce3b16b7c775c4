package dev.tune.trainable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.space.Space;
import dev.tune.trainable.examples.Everywhere;
import dev.tune.trainable.examples.ReturnsBean;
import dev.tune.trainable.examples.ReturnsRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hyperparameters reach fields, constructor parameters and method parameters, from annotations and code. */
class InjectionTest {

    private static ExperimentResult run(Class<?> type) {
        return Tuner.run(type, TuneOptions.builder().inMemory().verbose(0).seed(11).samples(5).build());
    }

    @Test
    void valuesReachEveryKindOfMemberConvertedToItsType() {
        ExperimentResult result = run(Everywhere.class);
        assertEquals(5, result.trials().size());
        for (Trial trial : result.trials()) {
            assertEquals(TrialStatus.TERMINATED, trial.status(), () -> trial.error().map(e -> e.stackTrace()).orElse(""));
            Config config = trial.config();
            assertTrue(config.get("optimizer") instanceof Everywhere.Optimizer);
            assertTrue(config.get("layers") instanceof Integer);
            double lr = config.getDouble("optimizer.lr");
            assertTrue(lr >= 1e-4 && lr < 1e-1);
            assertEquals(config.get("optimizer") == Everywhere.Optimizer.SGD, config.has("momentum"));
        }
        assertEquals(Space.class, Everywhere.space().getClass());
    }

    @Test
    void beanGettersBecomeMetricsAndDoneEndsTheTrial() {
        Trial trial = run(ReturnsBean.class).trials().get(0);
        assertEquals(1, trial.iterations());
        Map<String, Double> metrics = trial.lastResult().orElseThrow().metrics();
        assertEquals(Map.of("loss", trial.config().getDouble("x")), metrics);
        assertTrue(trial.lastResult().orElseThrow().done());
    }

    @Test
    void aRecordReturnedByAFunctionIsItsFinalResult() throws NoSuchMethodException {
        ExperimentResult result = Tuner.run(ReturnsRecord.class.getDeclaredMethod("returnsRecord", double.class),
                TuneOptions.builder().inMemory().verbose(0).samples(3).build());
        for (Trial trial : result.trials()) {
            assertEquals(Map.of("score", trial.config().getDouble("x"), "epoch", 3.0),
                    trial.lastResult().orElseThrow().metrics());
        }
        assertFalse(result.bestTrial().isEmpty());
    }
}
