package com.example;

import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.Trial;

/** A callback named by class in the POM's options, built with the experiment's options. */
public final class SaysDone implements Callback {

    private final long seed;

    public SaysDone(TuneOptions options) {
        this.seed = options.get(TuneOption.SEED).orElse(-1L);
    }

    @Override
    public void onTrialComplete(Trial trial) {
        System.out.println("SaysDone: " + trial.name() + " completed, seed " + seed);
    }
}
