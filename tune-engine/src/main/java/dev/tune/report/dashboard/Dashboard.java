package dev.tune.report.dashboard;

import com.sun.net.httpserver.HttpServer;
import dev.tune.store.postgres.PostgresLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard: the report page served over HTTP, fetching its data again as results arrive
 * (the page polls {@code data.json}, which answers {@code 304 Not Modified} until something new is
 * recorded), so it updates without a reload. It serves one experiment (a run in this JVM, or a
 * directory) at {@code /}, or every experiment under a results directory at
 * {@code /experiments/<name>/} with an index at {@code /}.
 *
 * <p>Read-only by construction: only {@code GET} and {@code HEAD} are answered, no request changes
 * anything, and a name that is not an experiment directly under the results directory (a path,
 * {@code ..}, a file) is refused. It binds to {@code 127.0.0.1} unless told another address, so
 * nothing is reachable from elsewhere by default.
 */
public final class Dashboard implements AutoCloseable {

    /** The address a dashboard binds to unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final HttpServer server;
    private final ExecutorService threads;

    private Dashboard(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Serves one experiment read from {@code source} at {@code /}; port 0 picks a free one. */
    public static Dashboard serve(ReportSource source, String host, int port) {
        return start(new Routes.One(new CachedData(source)), host, port);
    }

    /** Serves the experiment directory {@code experimentDir} at {@code /}. */
    public static Dashboard serveExperiment(Path experimentDir, String host, int port) {
        return serve(new DirectorySource(experimentDir), host, port);
    }

    /** Serves every experiment under {@code resultsDir} (as {@code tune.storagePath} holds them). */
    public static Dashboard serveResults(Path resultsDir, String host, int port) {
        return start(new Routes.Many(new DirectoryCatalog(resultsDir)), host, port);
    }

    /** Serves every shared experiment in the database at {@code location}. */
    public static Dashboard serveDatabase(PostgresLocation location, String host, int port) {
        return start(new Routes.Many(new DatabaseCatalog(location)), host, port);
    }

    private static Dashboard start(Routes routes, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "tune-dashboard");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            server.createContext("/", new DashboardHandler(routes));
            startAsDaemon(server);
            Dashboard dashboard = new Dashboard(server, threads);
            LOG.info("Dashboard at {}", dashboard.address());
            return dashboard;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the dashboard on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts the server from a daemon thread: its dispatcher thread inherits that, so a dashboard
     * never keeps the JVM alive once the program is done (a goal that serves until Ctrl+C waits itself).
     */
    private static void startAsDaemon(HttpServer server) {
        Thread starter = new Thread(server::start, "tune-dashboard-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IllegalStateException("interrupted while starting the dashboard", e);
        }
    }

    /** Where a browser opens it, e.g. {@code http://127.0.0.1:8265/}. */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "localhost" : bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
