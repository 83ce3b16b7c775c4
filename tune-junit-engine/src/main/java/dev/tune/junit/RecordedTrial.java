package dev.tune.junit;

import dev.tune.Config;
import dev.tune.result.Trial;
import dev.tune.store.StoredExperiment;
import java.nio.file.Files;
import java.nio.file.Path;

/** The config a trial ran with, read back from its experiment's results directory for a re-run. */
final class RecordedTrial {

    private RecordedTrial() {
    }

    static Config config(Path experimentDir, int number) {
        if (!Files.isDirectory(experimentDir)) {
            throw new IllegalStateException("Cannot re-run trial #" + number + ": no results at " + experimentDir
                    + "; run the experiment in full mode (tune.junit.mode=full) first");
        }
        for (Trial trial : StoredExperiment.load(experimentDir).trials()) {
            if (trial.number() == number) {
                return trial.config();
            }
        }
        throw new IllegalStateException("Cannot re-run trial #" + number + ": " + experimentDir
                + " records no such trial");
    }
}
