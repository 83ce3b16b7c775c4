package dev.tune.run.examples;

import dev.tune.Mode;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names no metric and reports what the Hugging Face Trainer would: losses, scores, timings, the epoch. */
@Trainable(mode = Mode.MAX, samples = 4)
public class Scores {
    @Uniform(lower = 0, upper = 1)
    double x;

    @Step
    Map<String, Object> step() {
        return ordered("eval_loss", 1 - x, "accuracy", x, "f1", x / 2, "eval_runtime", 3.0, "epoch", 1, "done", true);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
