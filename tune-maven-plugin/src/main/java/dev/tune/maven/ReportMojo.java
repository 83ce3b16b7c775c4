package dev.tune.maven;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.report.html.Report;
import dev.tune.store.StorageException;
import dev.tune.store.postgres.PostgresLocation;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code report.html} again for experiments that ran: {@code mvn tune:report}. A run writes
 * its report when it ends; this goal rewrites it from what the results directory records (after
 * an upgrade of tune, say), or writes one for a shared experiment from its database. Nothing is
 * compiled and nothing runs.
 *
 * <p>Every experiment directory under {@code target/tune} gets its report (with
 * {@code -Dtune.experiments=...}, those whose names match). With {@code -Dtune.storage=jdbc:...}
 * each shared experiment in that database gets one, written to
 * {@code target/tune/<experiment>/report.html}. Each report's path is printed.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractTuneMojo {

    /** Where the experiments' directories are, as {@code tune:run} wrote them. Default: {@code target/tune}. */
    @Parameter(property = "tune.storagePath", defaultValue = "${project.build.directory}/tune")
    private File resultsDirectory;

    @Override
    protected void executeGoal() throws MojoExecutionException {
        TuneOptions options = options(TuneOptions.builder());
        Selection selection = selection();
        try {
            String storage = options.get(TuneOption.STORAGE).orElse(null);
            List<Path> written;
            if (PostgresLocation.isDatabase(storage)) {
                PostgresLocation location = PostgresLocation.of(storage,
                        options.get(TuneOption.STORAGE_USER).orElse(null),
                        options.get(TuneOption.STORAGE_PASSWORD).orElse(null), System.getenv());
                written = Report.writeShared(location, selection::matches, resultsDirectory.toPath());
            } else {
                written = Report.writeAll(resultsDirectory.toPath(), selection::matches);
            }
            if (written.isEmpty()) {
                getLog().info("No experiment to report on in " + (PostgresLocation.isDatabase(storage)
                        ? storage : display(resultsDirectory.toPath())) + ": run mvn tune:run first");
            }
            written.forEach(report -> getLog().info("Report: " + display(report)));
        } catch (IllegalArgumentException | StorageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
