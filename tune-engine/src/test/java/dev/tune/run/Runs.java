package dev.tune.run;

import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.trainable.Experiment;

/** Test helpers: run a trainable quietly, in memory. */
final class Runs {

    private Runs() {
    }

    static TuneOptions.Builder quiet() {
        return TuneOptions.builder().inMemory().verbose(0);
    }

    static ExperimentResult run(Class<?> type) {
        return Tuner.run(type, quiet().build());
    }

    static ExperimentResult run(Class<?> type, TuneOptions.Builder options) {
        return Tuner.run(type, options.build());
    }

    static ExperimentResult runMethod(Class<?> type, String method, TuneOptions.Builder options) {
        for (Experiment experiment : Experiment.of(type)) {
            if (experiment.method().map(m -> m.getName().equals(method)).orElse(false)) {
                return Tuner.run(experiment, options.build());
            }
        }
        throw new IllegalArgumentException("no @Trainable method " + method + " in " + type);
    }
}
