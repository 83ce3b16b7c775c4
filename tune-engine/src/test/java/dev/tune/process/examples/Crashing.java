package dev.tune.process.examples;

import dev.tune.Resources;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Unsafe;

/** Trials that take their JVM down in trial 2 (System.exit, a small heap, a step that never returns); the others train. */
public final class Crashing {

    private Crashing() {
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    public static void exits(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        if (second(context)) {
            System.err.println("about to exit from " + context.trialName());
            System.exit(3);
        }
        steps(x, context);
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    @Resources(memoryMb = 48)
    public static void runsOutOfMemory(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        if (second(context)) {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
        steps(x, context);
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    @Stop(trialSeconds = 1)
    public static void neverReturns(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        if (second(context)) {
            while (true) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException ignored) {
                    // a step that ignores interrupts: only its JVM's end stops it
                }
            }
        }
        steps(x, context);
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    @Stop(trialSeconds = 1)
    public static void ignoresSigterm(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        if (second(context)) {
            // SIGTERM runs the JVM's shutdown hooks; this one never ends, so only SIGKILL ends the JVM
            Runtime.getRuntime().addShutdownHook(new Thread(() -> neverReturns(x, context)));
        }
        neverReturns(x, context);
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    @Resources(jvmArgs = "-XX:-CreateCoredumpOnCrash")
    public static void crashesNatively(@Uniform(lower = 0, upper = 1) double x, TrialContext context)
            throws ReflectiveOperationException {
        if (second(context)) {
            // what a native library's bug does: a write to address 0, which the JVM cannot survive
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            ((Unsafe) field.get(null)).putAddress(0, 0);
        }
        steps(x, context);
    }

    @Trainable(metric = "loss", samples = 4, maxConcurrentTrials = 2)
    public static void fails(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        if (second(context)) {
            throw new IllegalStateException("boom in " + context.trialName());
        }
        steps(x, context);
    }

    private static boolean second(TrialContext context) {
        return context.trialId().endsWith("00002");
    }

    private static void steps(double x, TrialContext context) {
        for (int i = 1; i <= 3; i++) {
            context.report("loss", x / i);
        }
    }
}
