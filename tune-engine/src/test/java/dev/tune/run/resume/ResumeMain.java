package dev.tune.run.resume;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.run.resume.examples.SlowCounter;
import dev.tune.trainable.Experiment;
import java.nio.file.Path;

/** Runs {@link SlowCounter} in a JVM of its own, so a test can kill it with SIGKILL. */
public final class ResumeMain {

    private ResumeMain() {
    }

    static TuneOptions.Builder options(Path storage) {
        return TuneOptions.builder().storagePath(storage).verbose(0).seed(5).maxConcurrentTrials(2)
                .set(TuneOption.CPU, 0.0).maxIterations(10).set(TuneOption.CHECKPOINT_FREQUENCY, 2);
    }

    public static void main(String[] args) {
        Tuner.run(Experiment.of(SlowCounter.class).get(0), options(Path.of(args[0])).build());
    }
}
