package dev.tune.pages.examples;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture, not a sample: an experiment ({@code gated}) whose trials each wait for a permit before
 * they train, so that the dashboard test decides when something new happens. Eight trials, one at a
 * time, each reporting three losses. It lives in an {@code examples} package, as every trainable in
 * test code does, so that scans and {@code mvn tune:run} never pick it up; tests select it by class.
 */
public final class Gated {

    /** The permits the trials wait for: release one to let the next trial train. */
    public static final Semaphore PERMITS = new Semaphore(0);

    private Gated() {
    }

    /** One trial: waits up to a minute for a permit, then reports {@code x² / epoch} for three epochs. */
    @Trainable(name = "gated", metric = "loss", samples = 8, maxConcurrentTrials = 1)
    public static void gated(@Uniform(lower = 0, upper = 1) double x, TrialContext context)
            throws InterruptedException {
        if (!PERMITS.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never let this trial go");
        }
        for (int epoch = 1; epoch <= 3; epoch++) {
            context.report("loss", x * x / epoch);
        }
    }
}
