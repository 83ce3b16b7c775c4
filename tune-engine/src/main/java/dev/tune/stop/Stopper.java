package dev.tune.stop;

import dev.tune.result.Result;

/**
 * Decides when trials and the whole experiment stop, as Ray's {@code Stopper}. tune asks after
 * every result: {@link #shouldStopTrial} ends that trial (as {@code TERMINATED}, never an error),
 * {@link #shouldStopAll} ends the experiment. Called from one thread at a time.
 */
public interface Stopper {

    /** True when the trial that reported {@code result} should stop now. */
    boolean shouldStopTrial(Result result);

    /** True when the whole experiment should stop; asked after every result and before each new trial. */
    default boolean shouldStopAll() {
        return false;
    }
}
