package dev.tune.samples;

import dev.tune.Choice;
import dev.tune.GridSearch;
import dev.tune.Mode;
import dev.tune.Trainable;
import java.util.Map;

/**
 * Sample 1: the Ray Tune quickstart.
 *
 * <p>We minimise {@code score = a^2 + b}. The closer {@code a} is to zero and the smaller
 * {@code b}, the better. A whole trial is one call of a method (the Function API): its parameters
 * receive the hyperparameters, and what it returns is the trial's result.
 *
 * <p>{@code @GridSearch} makes tune try every listed value of {@code a}; {@code @Choice} draws
 * {@code b} from its values for each of them. So this experiment has exactly four trials, one per
 * value of {@code a}. The strings convert to the parameter's type.
 *
 * <p>Run it: {@code ./mvnw -q -pl samples -am package -DskipTests -Prun}
 */
public final class TuneSample_01_Quickstart {

    private TuneSample_01_Quickstart() {
    }

    @Trainable(name = "quickstart", metric = "score", mode = Mode.MIN)
    static Map<String, Double> objective(
            @GridSearch({"0.001", "0.01", "0.1", "1.0"}) double a,
            @Choice({"1", "2", "3"}) int b) {
        return Map.of("score", a * a + b);
    }
}
