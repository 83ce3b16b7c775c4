package dev.tune.samples;

import dev.tune.Config;
import dev.tune.Reset;
import dev.tune.Seed;
import dev.tune.Setup;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sample 3: the Class API, with instance reuse.
 *
 * <p>Ray's reuse-actors example: the quadratic {@code (h1 - 3)^2 + (h2 - 5)^2}, smallest at
 * {@code h1 = 3, h2 = 5}. tune creates an instance, sets its {@code @Uniform} fields, calls
 * {@code @Setup} once, then {@code @Step} once per iteration. A step returns its metrics; the entry
 * {@code done -> true} ends the trial, as Ray's {@code done} does.
 *
 * <p>Set-up is expensive here. Because the class declares {@code @Reset}, tune keeps the instance
 * when a trial ends and hands it to the next trial: it sets the new field values, then calls
 * {@code @Reset} instead of creating a new instance and running set-up again (Ray's
 * {@code reuse_actors} with {@code reset_config}). With one trial at a time, set-up runs once for
 * all ten trials.
 */
@Trainable(name = "class-api", metric = "loss", samples = 10, maxConcurrentTrials = 1)
@Seed(7)
public class TuneSample_03_ClassApi {

    /** How many times the expensive set-up ran, for the sample's own check. */
    static final AtomicInteger SETUPS = new AtomicInteger();

    @Uniform(lower = -10, upper = 10)
    double h1;

    @Uniform(lower = -10, upper = 10)
    double h2;

    private int maxSteps;
    private int stepCount;

    @Setup
    void setup() throws InterruptedException {
        SETUPS.incrementAndGet();
        Thread.sleep(50); // the expensive part: loading data, building a model...
        maxSteps = 5;
        stepCount = 0;
    }

    @Step
    Map<String, Object> step() {
        double loss = (h1 - 3) * (h1 - 3) + (h2 - 5) * (h2 - 5);
        stepCount++;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", loss);
        if (stepCount >= maxSteps) {
            metrics.put("done", true);
        }
        return metrics;
    }

    @Reset
    boolean reset(Config config) {
        stepCount = 0; // h1 and h2 already hold the new trial's values
        return true;
    }
}
