package dev.tune.run.examples;

import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;

/** Trials whose step never returns, in trial 2 (or all): one ignores interrupts, one honours them. */
public final class Stuck {

    /** Lets the steps that ignore interrupts return, once a test has seen what it needs. */
    public static volatile boolean release;

    private Stuck() {
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    @Stop(trialSeconds = 0.3)
    public static void ignoresInterrupts(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        if (context.trialId().endsWith("2")) {
            ignoreInterruptsUntilReleased();
        }
        quickSteps(x, context);
    }

    @Trainable(metric = "loss", samples = 16, maxConcurrentTrials = 2)
    @Stop(trialSeconds = 0.3)
    public static void ignoresInterruptsAmongMany(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        ignoresInterrupts(x, context);
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    @Stop(trialSeconds = 0.3)
    public static void honoursInterrupts(@Uniform(lower = 0, upper = 1) double x, TrialContext context)
            throws InterruptedException {
        if (context.trialId().endsWith("2")) {
            Thread.sleep(60_000);
        }
        quickSteps(x, context);
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    @Stop(timeBudgetSeconds = 0.3)
    public static void allStuck(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        ignoreInterruptsUntilReleased();
        context.report("loss", x);
    }

    private static void quickSteps(double x, TrialContext context) {
        for (int i = 0; i < 3; i++) {
            try {
                Thread.sleep(40); // the experiment still runs when a test lets a stuck step go on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            context.report("loss", x / (i + 1));
        }
    }

    private static void ignoreInterruptsUntilReleased() {
        while (!release) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ignored) {
                // a step that swallows the interrupt, as a native call or a careless loop does
            }
        }
    }
}
