package dev.tune.report.html;

import dev.tune.io.AtomicFiles;
import dev.tune.store.postgres.PostgresLocation;
import dev.tune.store.postgres.SharedExperiments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An experiment's report: one self-contained HTML page ({@value #FILE}, beside the results) that
 * shows what the search did: the optimisation history, every learning curve with the scheduler's
 * cuts and PBT's exploits, parallel coordinates, slices, a contour, hyperparameter importance
 * (fANOVA), the Pareto front, PBT's lineage and schedules, and a sortable, filterable trial table.
 * It opens from {@code file://} and loads nothing from the network. A persisted run writes it when
 * it ends; {@link #write(Path)} writes it again from a results directory, and the live dashboard
 * serves the same page.
 */
public final class Report {

    /** The report's file name in an experiment directory. */
    public static final String FILE = "report.html";

    private Report() {
    }

    /**
     * Writes {@value #FILE} into {@code experimentDir} from what the directory records.
     *
     * @return the report's path
     * @throws IllegalArgumentException when the directory holds no tune experiment
     */
    public static Path write(Path experimentDir) {
        return write(ReportInput.of(experimentDir), experimentDir.resolve(FILE));
    }

    /**
     * Writes the report of every experiment directly under {@code resultsDir} whose directory name
     * {@code named} accepts, each in its directory.
     *
     * @return the reports written, by directory name
     */
    public static List<Path> writeAll(Path resultsDir, Predicate<String> named) {
        if (!Files.isDirectory(resultsDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(resultsDir)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("experiment.json")))
                    .filter(dir -> named.test(dir.getFileName().toString())).sorted().map(Report::write).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resultsDir, e);
        }
    }

    /**
     * Writes the report of every shared experiment in the database at {@code location} whose name
     * {@code named} accepts, to {@code resultsDir/<name>/report.html}.
     *
     * @return the reports written, by name
     */
    public static List<Path> writeShared(PostgresLocation location, Predicate<String> named, Path resultsDir) {
        List<Path> written = new ArrayList<>();
        for (String name : SharedExperiments.names(location)) {
            if (named.test(name)) {
                Path dir = resultsDir.resolve(name);
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create " + dir, e);
                }
                written.add(write(ReportInput.of(location, name), dir.resolve(FILE)));
            }
        }
        return written;
    }

    /** Writes the report of {@code input} to {@code file}, atomically (a reader sees the old page or the new). */
    public static Path write(ReportInput input, Path file) {
        AtomicFiles.write(file, out -> HtmlReport.write(out, input.result().name(),
                json -> ReportData.write(json, input), ""));
        return file;
    }

    /**
     * The report page of {@code input}; {@code liveData} is the address a dashboard serves the data
     * at (the page fetches it again as results arrive), or empty for a file.
     */
    public static String page(ReportInput input, String liveData) {
        return HtmlReport.page(input.result().name(), data(input), liveData);
    }

    /** The report page of an experiment named {@code title} whose data (from {@link #data}) is {@code data}. */
    public static String page(String title, byte[] data, String liveData) {
        return HtmlReport.page(title, data, liveData);
    }

    /** The JSON the page is drawn from (format described in {@code docs/report.md}). */
    public static byte[] data(ReportInput input) {
        return ReportData.json(input);
    }
}
