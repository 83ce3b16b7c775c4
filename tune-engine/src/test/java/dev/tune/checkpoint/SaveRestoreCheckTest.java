package dev.tune.checkpoint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Checkpoint;
import dev.tune.Config;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.trainable.SaveRestoreCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SaveRestoreCheckTest {

    @Trainable(metric = "loss")
    static class Complete {
        @Uniform(lower = 0, upper = 1)
        double lr;
        @Checkpoint
        double weight = 3;
        @Checkpoint
        int step;

        @Step
        Map<String, Double> step() {
            weight -= lr * weight;
            step++;
            return Map.of("loss", weight * weight, "step", (double) step);
        }
    }

    @Trainable(metric = "loss")
    static class ForgetsAField {
        @Uniform(lower = 0, upper = 1)
        double lr;
        @Checkpoint
        double weight = 3;
        double momentum;

        @Step
        double step() {
            momentum = 0.9 * momentum + lr;
            weight -= momentum;
            return weight * weight;
        }
    }

    @Test
    void aTrainableThatCheckpointsAllItsStatePasses() {
        SaveRestoreCheck.validate(Complete.class, Config.of(Map.of("lr", 0.1)), 3);
    }

    @Test
    void aForgottenFieldIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> SaveRestoreCheck.validate(ForgetsAField.class, Config.of(Map.of("lr", 0.1)), 3));
        assertTrue(e.getMessage().contains("does not restore correctly"), e.getMessage());
    }
}
