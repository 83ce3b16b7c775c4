package dev.tune.checkpoint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.checkpoint.examples.Complete;
import dev.tune.checkpoint.examples.ForgetsAField;
import dev.tune.trainable.SaveRestoreCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SaveRestoreCheckTest {

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
