package dev.tune.report.html;

import dev.tune.Config;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.StoredExperiment;
import dev.tune.store.postgres.PostgresLocation;
import dev.tune.store.postgres.SharedExperiments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything a report shows of one experiment, however it was read: a results directory, the
 * shared database, or a run still going on.
 *
 * @param result the trials and the objective
 * @param info what ran: trainable, searcher, options, each hyperparameter's domain
 * @param status the experiment's state in words, e.g. {@code RUNNING} or {@code FINISHED}
 * @param results every recorded result of a trial, in order
 * @param perturbations Population Based Training's exploits, in order
 * @param firstConfigs by trial id, the config a trial started with, where PBT changed it since
 */
public record ReportInput(ExperimentResult result, ExperimentInfo info, String status,
        Function<Trial, List<Result>> results, List<Perturbation> perturbations, Map<String, Config> firstConfigs) {

    public ReportInput {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(results, "results");
        perturbations = List.copyOf(perturbations);
        firstConfigs = Map.copyOf(firstConfigs);
    }

    /** An experiment whose trials kept their configs (no PBT exploits, or none recorded). */
    public ReportInput(ExperimentResult result, ExperimentInfo info, String status,
            Function<Trial, List<Result>> results, List<Perturbation> perturbations) {
        this(result, info, status, results, perturbations, Map.of());
    }

    /** The input for the experiment recorded in {@code dir}: its PBT exploits and first configs read from there. */
    public static ReportInput of(ExperimentResult result, ExperimentInfo info, String status, Path dir,
            Function<Trial, List<Result>> results) {
        List<Perturbation> exploits = StoredExperiment.perturbations(dir, result.trials());
        return new ReportInput(result, info, status, results, exploits,
                exploits.isEmpty() ? Map.of() : StoredExperiment.firstConfigs(dir));
    }

    /**
     * The shared experiment {@code name} in the database at {@code location}: its log is exported
     * (as {@code SharedExperiments.export} writes it) into a scratch directory, read whole, and
     * removed.
     */
    public static ReportInput of(PostgresLocation location, String name) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("tune-report-");
            ReportInput lazy = of(SharedExperiments.export(location, name, scratch.resolve("experiment")));
            Map<String, List<Result>> curves = new HashMap<>(); // read now: the scratch directory goes below
            lazy.result().trials().forEach(t -> curves.put(t.id(), lazy.results().apply(t)));
            ExperimentResult result = lazy.result();
            ExperimentResult named = new ExperimentResult(name, result.objective(), result.trials(), Optional.empty(),
                    result.wallTime(), result.seed(), result.searcherDescription());
            return new ReportInput(named, lazy.info(), lazy.status(), t -> curves.getOrDefault(t.id(), List.of()),
                    lazy.perturbations(), lazy.firstConfigs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment " + name + ": " + e.getMessage(), e);
        } finally {
            delete(scratch);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a scratch directory left in the temporary directory is harmless
        }
    }

    /** The experiment recorded in {@code experimentDir}. */
    public static ReportInput of(Path experimentDir) {
        StoredExperiment stored = StoredExperiment.load(experimentDir);
        ExperimentResult result = stored.result(Optional.of(experimentDir),
                String.valueOf(experimentDir.getFileName()));
        String status = stored.state().map(s -> s.status()).orElse("UNKNOWN");
        return of(result, stored.info(), status, experimentDir, StoredExperiment::results);
    }
}
