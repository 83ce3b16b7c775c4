package dev.tune.run;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.store.StorageException;
import dev.tune.store.postgres.PostgresLocation;
import dev.tune.store.postgres.SharedExperiments;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line entry point of a worker JVM: runs the named experiments with the options of
 * the {@code -Dtune.*} system properties, so any number of copies started with the same
 * {@code -Dtune.storage=jdbc:postgresql://...} share each experiment. Packaged as a jar's main
 * class (the samples build {@code target/tune-worker.jar}):
 *
 * <pre>{@code
 * java -Dtune.storage=jdbc:postgresql://db:5432/tune -jar tune-worker.jar com.acme.Model com.acme.Other#train
 * }</pre>
 *
 * {@code --export <directory> <experiment>} writes a shared experiment into the local directory
 * layout (Ray's files) instead.
 *
 * <p>An argument is a class ({@code com.acme.Model}: every experiment it declares) or one method
 * ({@code com.acme.Model#train}). Exits 0 when every
 * experiment ran without a failed trial, 1 when a trial failed, 2 for bad arguments or a
 * trainable that is invalid, and 3 when the storage could not be used (the message says why; the
 * experiment stays resumable).
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs as {@link #main} does and returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            err.println("usage: java -Dtune.storage=jdbc:postgresql://host:5432/db [-Dtune.*=...] -jar <worker jar>"
                    + " <class>[#method] ...\n  runs each experiment as one worker; every -Dtune.* option applies");
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("--export")) {
            return export(args, out, err);
        }
        List<Experiment> experiments = new ArrayList<>();
        try {
            for (String arg : args) {
                experiments.addAll(experiments(arg));
            }
        } catch (IllegalArgumentException | InvalidTrainableException e) {
            err.println("tune worker: " + e.getMessage());
            return 2;
        }
        int code = 0;
        for (Experiment experiment : experiments) {
            try {
                ExperimentResult result = Tuner.run(experiment, TuneOptions.empty());
                if (!result.errors().isEmpty()) {
                    code = Math.max(code, 1);
                }
            } catch (StorageException e) {
                err.println("tune worker: " + e.getMessage());
                return 3;
            } catch (TuneException e) {
                err.println("tune worker: " + e.getMessage());
                code = Math.max(code, 1);
            } catch (IllegalArgumentException e) {
                err.println("tune worker: " + experiment.name() + ": " + e.getMessage());
                return 2;
            }
        }
        return code;
    }

    /** {@code --export <directory> <experiment>}: the shared experiment, written in the directory layout. */
    private static int export(String[] args, PrintStream out, PrintStream err) {
        TuneOptions options = TuneOptions.fromSystemProperties();
        String storage = options.get(TuneOption.STORAGE).orElse(null);
        if (args.length != 3 || !PostgresLocation.isDatabase(storage)) {
            err.println("usage: java -Dtune.storage=jdbc:postgresql://host:5432/db -jar <worker jar>"
                    + " --export <directory> <experiment name>");
            return 2;
        }
        try {
            PostgresLocation location = PostgresLocation.of(storage,
                    options.get(TuneOption.STORAGE_USER).orElse(null),
                    options.get(TuneOption.STORAGE_PASSWORD).orElse(null), System.getenv());
            out.println("Exported " + args[2] + " from " + location.display() + " to "
                    + SharedExperiments.export(location, args[2], Path.of(args[1])));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("tune worker: " + e.getMessage());
            return 2;
        } catch (StorageException e) {
            err.println("tune worker: " + e.getMessage());
            return 3;
        }
    }

    private static List<Experiment> experiments(String arg) {
        int hash = arg.indexOf('#');
        String className = hash < 0 ? arg : arg.substring(0, hash);
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on the class path (give a trainable as"
                    + " com.acme.Model or com.acme.Model#method)");
        }
        List<Experiment> declared = Experiment.of(type);
        if (hash < 0) {
            if (declared.isEmpty()) {
                throw new IllegalArgumentException(className + " declares no experiment: mark it or one of its"
                        + " methods @Trainable");
            }
            return declared;
        }
        String method = arg.substring(hash + 1);
        List<Experiment> named = declared.stream()
                .filter(e -> e.method().map(m -> m.getName().equals(method)).orElse(false)).toList();
        if (named.isEmpty()) {
            throw new IllegalArgumentException(className + " has no @Trainable method " + method + "; its experiments: "
                    + declared.stream().map(Experiment::trainable).toList());
        }
        return named;
    }
}
