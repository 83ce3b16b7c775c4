package dev.tune.trainable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Choice;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.When;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.space.Conditional;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code @When}: a hyperparameter that exists only for some values of another, and its mistakes. */
class WhenTest {

    @Trainable(metric = "loss", samples = 24)
    static class Optimiser {
        // Declared before its parent on purpose: the space still samples the parent first.
        @When(param = "optimizer", equals = "sgd")
        @Uniform(lower = 0.5, upper = 0.99)
        Double momentum;

        @Choice({"sgd", "adam"})
        String optimizer;

        @Step
        Map<String, Double> step(@When(param = "layers", equals = {"2", "3"}) @Uniform(lower = 0, upper = 1) Double dropout,
                @Choice({"1", "2", "3"}) int layers) {
            return Map.of("loss", 1.0, "momentum", momentum == null ? -1 : momentum, "dropout",
                    dropout == null ? -1 : dropout);
        }
    }

    @Test
    void theMemberGetsAValueExactlyWhenTheConditionHolds() {
        Experiment experiment = Experiment.of(Optimiser.class).get(0);
        assertEquals(List.of("sgd"), ((Conditional) experiment.space().domains().get("momentum")).values());
        assertEquals(List.of(2, 3), ((Conditional) experiment.space().domains().get("dropout")).values());
        ExperimentResult result = Tuner.run(experiment, TuneOptions.builder().inMemory().verbose(0).seed(4)
                .maxIterations(1).build());
        int sgd = 0;
        for (Trial trial : result.trials()) {
            boolean isSgd = trial.config().get("optimizer").equals("sgd");
            sgd += isSgd ? 1 : 0;
            assertEquals(isSgd, trial.config().has("momentum"), trial.config().toString());
            assertEquals(isSgd, trial.lastResult().orElseThrow().metric("momentum") >= 0.5, trial.config().toString());
            boolean deep = trial.config().getInt("layers") > 1;
            assertEquals(deep, trial.config().has("dropout"), trial.config().toString());
            assertEquals(deep, trial.lastResult().orElseThrow().metric("dropout") >= 0, trial.config().toString());
        }
        assertTrue(sgd > 3 && sgd < 21, sgd + " of 24 used sgd");
    }

    @Trainable
    static class Primitive {
        @Choice({"a", "b"})
        String kind;
        @When(param = "kind", equals = "a")
        @Uniform(lower = 0, upper = 1)
        double x;

        @Step
        double step() {
            return x;
        }
    }

    @Trainable
    static class UnknownParent {
        @When(param = "optimiser", equals = "sgd")
        @Uniform(lower = 0, upper = 1)
        Double x;

        @Step
        double step() {
            return 1;
        }
    }

    @Trainable
    static class UnknownValue {
        @Choice({"sgd", "adam"})
        String optimizer;
        @When(param = "optimizer", equals = "rmsprop")
        @Uniform(lower = 0, upper = 1)
        Double x;

        @Step
        double step() {
            return 1;
        }
    }

    @Trainable
    static class NoDomain {
        @When(param = "optimizer", equals = "sgd")
        Double x;
        @Choice({"sgd", "adam"})
        String optimizer;

        @Step
        double step() {
            return 1;
        }
    }

    @Test
    void mistakesNameTheMemberTheAnnotationAndTheFix() {
        assertMessage(Primitive.class, "field 'x'", "@When", "a double cannot be absent", "boxed type");
        assertMessage(UnknownParent.class, "field 'x'", "@When", "no hyperparameter named 'optimiser'");
        assertMessage(UnknownValue.class, "field 'x'", "@When", "'optimizer' never takes the value 'rmsprop'",
                "[sgd, adam]");
        assertMessage(NoDomain.class, "field 'x'", "@When", "no domain annotation");
    }

    private static void assertMessage(Class<?> type, String... parts) {
        InvalidTrainableException e = assertThrows(InvalidTrainableException.class, () -> Experiment.of(type));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
        }
    }
}
