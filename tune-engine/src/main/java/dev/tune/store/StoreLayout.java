package dev.tune.store;

import dev.tune.result.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@link LocalDirectoryStore} puts each file, with Ray's names where Ray has them. Trial
 * directories inside the experiment directory are recorded relative to it, so an experiment that
 * is moved (as a new run moves an earlier one aside) still loads.
 */
final class StoreLayout {

    static final String EXPERIMENT = "experiment.json";
    static final String STATE = "experiment-state.json";
    static final String JOURNAL = "trials.jsonl";
    static final String PARAMS = "params.json";
    static final String RESULT = "result.json";
    static final String PROGRESS = "progress.csv";
    static final String ERROR = "error.txt";

    private StoreLayout() {
    }

    /** The trial's own directory if it names one, else {@code <experimentDir>/<trial id>}. */
    static Path trialDir(Path experimentDir, Trial trial) {
        return trial.dir().orElseGet(() -> experimentDir.resolve(trial.id()));
    }

    /** How the journal spells {@code trialDir}: relative when inside the experiment, else absolute. */
    static String relative(Path experimentDir, Path trialDir) {
        Path base = experimentDir.toAbsolutePath().normalize();
        Path target = trialDir.toAbsolutePath().normalize();
        return target.startsWith(base) ? base.relativize(target).toString() : target.toString();
    }

    /** The directory that {@link #relative} spelled as {@code text}. */
    static Path resolve(Path experimentDir, String text) {
        return experimentDir.resolve(text);
    }

    /**
     * Creates {@code dir} unless it exists. Checks first: {@code Files.createDirectories} on an
     * existing directory throws and catches an exception inside, which costs more than the write
     * that follows, once per trial file.
     */
    static void ensureDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
    }
}
