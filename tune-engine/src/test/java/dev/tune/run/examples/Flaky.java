package dev.tune.run.examples;

import dev.tune.Trainable;
import java.util.concurrent.atomic.AtomicInteger;

/** Throws on its first two attempts and succeeds on the third: a trial worth retrying. */
public final class Flaky {

    /** Attempts so far, successful or not. */
    public static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private Flaky() {
    }

    @Trainable(metric = "score")
    static double flaky() {
        if (ATTEMPTS.incrementAndGet() < 3) {
            throw new IllegalStateException("flaky");
        }
        return 1;
    }
}
