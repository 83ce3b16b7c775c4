package dev.tune.samples;

import dev.tune.Choice;
import dev.tune.Mode;
import dev.tune.Seed;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/**
 * Sample 2: the Function API with intermediate results.
 *
 * <p>Ray's trainable-API guide maximises {@code a * sqrt(x) + b} and reports the score at each of
 * 20 steps with {@code tune.report}. Here the method asks for a {@link TrialContext} and calls
 * {@link TrialContext#report}: each call is one iteration, so every trial shows a learning curve
 * of 20 points, and schedulers and stop conditions can act between them.
 *
 * <p>{@code samples = 8} draws eight configurations; {@code @Seed} makes them the same on every
 * run.
 */
public final class TuneSample_02_FunctionApi {

    private TuneSample_02_FunctionApi() {
    }

    @Trainable(name = "function-api", metric = "score", mode = Mode.MAX, samples = 8)
    @Seed(42)
    static void trainable(@Uniform(lower = 0, upper = 4) double a, @Choice({"2", "4", "6"}) int b,
            TrialContext context) {
        for (int x = 0; x < 20; x++) {
            double score = a * Math.sqrt(x) + b;
            context.report("score", score);
        }
    }
}
