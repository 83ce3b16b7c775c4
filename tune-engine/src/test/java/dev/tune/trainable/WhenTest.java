package dev.tune.trainable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.space.Conditional;
import dev.tune.trainable.examples.NoDomain;
import dev.tune.trainable.examples.Optimiser;
import dev.tune.trainable.examples.Primitive;
import dev.tune.trainable.examples.UnknownParent;
import dev.tune.trainable.examples.UnknownValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @When}: a hyperparameter that exists only for some values of another, and its mistakes. */
class WhenTest {

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
