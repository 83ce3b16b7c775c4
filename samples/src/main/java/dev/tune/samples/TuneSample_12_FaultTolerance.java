package dev.tune.samples;

import dev.tune.Checkpoint;
import dev.tune.CheckpointConfig;
import dev.tune.FailureConfig;
import dev.tune.LogUniform;
import dev.tune.Seed;
import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.StopWhen;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sample 12: fault tolerance, as Ray's example of it: trials lose their machine and carry on.
 *
 * <p>About one trial in three loses its machine once, at an epoch of its own (a preempted spot
 * instance, a node that went away): its step throws. A failing trial never takes the experiment
 * down. Here {@code @FailureConfig(maxFailures = 3)} (Ray's {@code FailureConfig(max_failures=3)})
 * starts it again from its latest checkpoint, written every 3 epochs from its {@code @Checkpoint}
 * fields, so it ends exactly where an undisturbed run would; each restart is a warning in the log.
 * Without {@code maxFailures} such a trial would end in error, and {@code tune:run} would fail the
 * build unless {@code -Dtune.failOnTrialError=false}; {@code failFast} would stop everything at
 * the first failure.
 *
 * <p>Too large a learning rate makes this model diverge. That is a bad configuration, not a fault,
 * so it is not an error either: {@code @StopWhen} stops a trial whose loss passes 100, as a Ray
 * {@code stop} dict would, and ASHA meanwhile cuts the slow learners. The summary, the JUnit report
 * and {@code report.html} tell completed trials from stopped and cut ones.
 */
@Trainable(name = "fault-tolerance", metric = "loss", samples = 30,
        scheduler = "asha(maxT=30,gracePeriod=2,reductionFactor=3)")
@Stop(maxIterations = 30)
@StopWhen(metric = "loss", atLeast = 100)
@FailureConfig(maxFailures = 3)
@CheckpointConfig(frequency = 3)
@Seed(12)
public class TuneSample_12_FaultTolerance {

    /** The trials that already lost their machine in this JVM: each loses it once. */
    static final Set<String> PREEMPTED = ConcurrentHashMap.newKeySet();

    @LogUniform(lower = 1e-3, upper = 3)
    double lr;

    @Uniform(lower = 0, upper = 0.9)
    double momentum;

    @Checkpoint
    double weight = 5;

    @Checkpoint
    double velocity;

    @Checkpoint
    int epoch;

    @Step
    Map<String, Double> epoch(TrialContext context) {
        epoch++;
        if (epoch == preemptedAt(context) && PREEMPTED.add(context.trialId())) {
            throw new IllegalStateException("lost the machine at epoch " + epoch);
        }
        double gradient = 2 * (weight - 1);
        velocity = momentum * velocity - lr * gradient;
        weight += velocity;
        double loss = (weight - 1) * (weight - 1);
        return Map.of("loss", loss); // it started at 16: a diverging run overshoots more each time
    }

    /** The epoch at which this trial loses its machine, drawn from its seed; 0 (never) for two trials in three. */
    private static int preemptedAt(TrialContext context) {
        SplittableRandom random = new SplittableRandom(context.seed());
        return random.nextInt(3) == 0 ? 2 + random.nextInt(20) : 0;
    }
}
