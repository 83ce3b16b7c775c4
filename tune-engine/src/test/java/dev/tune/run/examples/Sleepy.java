package dev.tune.run.examples;

import dev.tune.Trainable;
import dev.tune.Uniform;
import java.util.concurrent.atomic.AtomicInteger;

/** Eight trials that each sleep 30 ms and count how many run at once. */
public final class Sleepy {

    /** Trials running now. */
    public static final AtomicInteger RUNNING = new AtomicInteger();
    /** The most trials that ran at once. */
    public static final AtomicInteger PEAK = new AtomicInteger();

    private Sleepy() {
    }

    @Trainable(metric = "x", samples = 8)
    static double sleepy(@Uniform(lower = 0, upper = 1) double x) throws InterruptedException {
        PEAK.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        Thread.sleep(30);
        RUNNING.decrementAndGet();
        return x;
    }
}
