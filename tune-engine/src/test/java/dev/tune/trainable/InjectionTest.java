package dev.tune.trainable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Choice;
import dev.tune.Config;
import dev.tune.Param;
import dev.tune.SearchSpace;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.space.Space;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hyperparameters reach fields, constructor parameters and method parameters, from annotations and code. */
class InjectionTest {

    private static ExperimentResult run(Class<?> type) {
        return Tuner.run(type, TuneOptions.builder().inMemory().verbose(0).seed(11).samples(5).build());
    }

    enum Optimizer { SGD, ADAM }

    @Trainable(metric = "loss")
    static class Everywhere {
        @Choice({"sgd", "adam"})
        Optimizer optimizer;
        @Param("optimizer.lr")
        double lr;
        private final int layers;
        private final Config config;

        @SearchSpace
        static Space space() {
            return Space.builder()
                    .nested("optimizer", o -> o.loguniform("lr", 1e-4, 1e-1))
                    .sampleFrom("warmup", c -> c.getInt("layers") * 10)
                    .sampleFrom("momentum", c -> c.get("optimizer") == Optimizer.SGD ? 0.9 : null)
                    .build();
        }

        Everywhere(@Choice({"1", "2", "3"}) int layers, Config config) {
            this.layers = layers;
            this.config = config;
        }

        @Step
        Map<String, Object> step(@Uniform(lower = 0, upper = 1) double dropout, @Param("warmup") long warmup,
                @Param("momentum") Double momentum) {
            assertEquals(config.getDouble("optimizer.lr"), lr);
            assertEquals(layers * 10L, warmup);
            assertEquals(optimizer == Optimizer.SGD ? Double.valueOf(0.9) : null, momentum);
            assertTrue(dropout >= 0 && dropout < 1);
            return Map.of("loss", lr * layers + dropout, "done", true);
        }
    }

    @Test
    void valuesReachEveryKindOfMemberConvertedToItsType() {
        ExperimentResult result = run(Everywhere.class);
        assertEquals(5, result.trials().size());
        for (Trial trial : result.trials()) {
            assertEquals(TrialStatus.TERMINATED, trial.status(), () -> trial.error().map(e -> e.stackTrace()).orElse(""));
            Config config = trial.config();
            assertTrue(config.get("optimizer") instanceof Optimizer);
            assertTrue(config.get("layers") instanceof Integer);
            double lr = config.getDouble("optimizer.lr");
            assertTrue(lr >= 1e-4 && lr < 1e-1);
            assertEquals(config.get("optimizer") == Optimizer.SGD, config.has("momentum"));
        }
        assertEquals(Space.class, Everywhere.space().getClass());
    }

    /** A bean whose numeric getters are metrics. */
    public static final class Stats {
        private final double loss;

        Stats(double loss) {
            this.loss = loss;
        }

        public double getLoss() {
            return loss;
        }

        public boolean isDone() {
            return true;
        }

        public String getNote() {
            return "not a metric";
        }
    }

    @Trainable(metric = "loss")
    static class ReturnsBean {
        @Uniform(lower = 0, upper = 1)
        double x;

        @Step
        Stats step() {
            return new Stats(x);
        }
    }

    @Test
    void beanGettersBecomeMetricsAndDoneEndsTheTrial() {
        Trial trial = run(ReturnsBean.class).trials().get(0);
        assertEquals(1, trial.iterations());
        Map<String, Double> metrics = trial.lastResult().orElseThrow().metrics();
        assertEquals(Map.of("loss", trial.config().getDouble("x")), metrics);
        assertTrue(trial.lastResult().orElseThrow().done());
    }

    record Score(double score, int epoch) {
    }

    @Trainable(metric = "score", mode = dev.tune.Mode.MAX)
    static Score returnsRecord(@Uniform(lower = 0, upper = 1) double x) {
        return new Score(x, 3);
    }

    @Test
    void aRecordReturnedByAFunctionIsItsFinalResult() throws NoSuchMethodException {
        ExperimentResult result = Tuner.run(InjectionTest.class.getDeclaredMethod("returnsRecord", double.class),
                TuneOptions.builder().inMemory().verbose(0).samples(3).build());
        for (Trial trial : result.trials()) {
            assertEquals(Map.of("score", trial.config().getDouble("x"), "epoch", 3.0),
                    trial.lastResult().orElseThrow().metrics());
        }
        assertFalse(result.bestTrial().isEmpty());
    }
}
