package dev.tune.maven;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.report.dashboard.Dashboard;
import dev.tune.store.StorageException;
import dev.tune.store.postgres.PostgresLocation;
import java.io.File;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves the live dashboard: {@code mvn tune:dashboard}, then open the address it prints. Every
 * experiment under {@code target/tune} is listed, and each page updates as results arrive, so it
 * follows a {@code tune:run} going on in another terminal; with {@code -Dtune.storage=jdbc:...} it
 * serves the shared experiments in that database instead. It runs until Ctrl+C.
 *
 * <p>It binds to 127.0.0.1, so only this machine reaches it, unless {@code -Dtune.dashboard.host}
 * says otherwise, and it is read-only: it answers {@code GET} only and serves nothing but the
 * experiments' pages and their data.
 */
@Mojo(name = "dashboard", threadSafe = true)
public class DashboardMojo extends AbstractTuneMojo {

    /** Where the experiments' directories are, as {@code tune:run} writes them. Default: {@code target/tune}. */
    @Parameter(property = "tune.storagePath", defaultValue = "${project.build.directory}/tune")
    private File resultsDirectory;

    /** The port to serve on; 0 picks a free one. Default: 8265, the port of Ray's dashboard. */
    @Parameter(property = "tune.dashboard", defaultValue = "8265")
    private int port;

    /** The address to bind to; {@code 0.0.0.0} makes the dashboard reachable from other machines. */
    @Parameter(property = "tune.dashboard.host", defaultValue = Dashboard.LOOPBACK)
    private String host;

    /**
     * How long to serve, e.g. {@code 10m}; empty serves until the build is interrupted. For scripts
     * and tests that look at the dashboard and then go on.
     */
    @Parameter(property = "tune.dashboard.for")
    private String serveFor;

    @Override
    protected void executeGoal() throws MojoExecutionException {
        TuneOptions options = options(TuneOptions.builder());
        String storage = options.get(TuneOption.STORAGE).orElse(null);
        Dashboard dashboard;
        try {
            if (PostgresLocation.isDatabase(storage)) {
                dashboard = Dashboard.serveDatabase(PostgresLocation.of(storage,
                        options.get(TuneOption.STORAGE_USER).orElse(null),
                        options.get(TuneOption.STORAGE_PASSWORD).orElse(null), System.getenv()), host, port);
            } else {
                dashboard = Dashboard.serveResults(resultsDirectory.toPath(), host, port);
            }
        } catch (IllegalArgumentException | StorageException | UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        try (dashboard) {
            getLog().info("Dashboard of " + (PostgresLocation.isDatabase(storage) ? "the experiments in the database"
                    : display(resultsDirectory.toPath())) + ": " + dashboard.address()
                    + (serveFor == null || serveFor.isBlank() ? " (Ctrl+C stops it)" : " for " + serveFor.trim()));
            Duration duration = serveFor == null || serveFor.isBlank() ? null
                    : TuneOption.TIME_BUDGET.parse(serveFor.trim());
            if (duration == null) {
                new CountDownLatch(1).await();
            } else {
                Thread.sleep(duration.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid tune.dashboard.for '" + serveFor + "': " + e.getMessage(), e);
        }
    }
}
