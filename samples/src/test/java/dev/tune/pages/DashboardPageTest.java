package dev.tune.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.pages.PageRequests.Request;
import dev.tune.pages.examples.Gated;
import dev.tune.result.ExperimentResult;
import dev.tune.report.dashboard.Dashboard;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The live dashboard of a running experiment ({@code tune.dashboard=0}), in headless Chromium: the page
 * shows the trials done so far, and as the next trial ends it appears on the same page without a
 * reload; the page logs no error and asks nothing of anyone but the dashboard. The experiment is the
 * {@link Gated} fixture, whose trials wait for the test's permits.
 */
class DashboardPageTest {

    @TempDir
    Path results;

    @Test
    void aNewResultAppearsWithoutAReload() throws Exception {
        try (Browser browser = Browser.start()) {
            Gated.PERMITS.drainPermits();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            CompletableFuture<ExperimentResult> run = CompletableFuture.supplyAsync(() -> Tuner.run(
                    Experiment.of(Gated.class).get(0), TuneOptions.builder().storagePath(results)
                            .set(TuneOption.DASHBOARD, 0).output(out).verbose(1).build()));
            String address = address(printed);
            Gated.PERMITS.release(2);
            browser.console(Level.ALL);
            browser.open(address);
            waitFor(browser, 2, "the two trials done before the page opened");
            browser.run("window.tuneMarker = 'the same page'");

            Gated.PERMITS.release(1);
            waitFor(browser, 3, "the third trial's end appears without a reload");
            assertEquals("the same page", browser.run("return window.tuneMarker"), "the page was not reloaded");

            Gated.PERMITS.release(100);
            ExperimentResult result = run.get(60, TimeUnit.SECONDS);
            waitFor(browser, result.trials().size(), "the finished run");
            assertEquals("FINISHED", browser.run("return Tune.data.experiment.status"));
            browser.screenshot(Path.of("target", "report-screenshots", "dashboard.png"));

            assertEquals(List.of(), browser.console(Level.WARNING), "the page logs no warning or error");
            assertOnlyTo(URI.create(address), browser.requests());
        }
    }

    /** {@code tune:dashboard}'s view: the index of a results directory, and an experiment's page one click away. */
    @Test
    void theResultsIndexLeadsToEachExperimentsPage() throws Exception {
        Gated.PERMITS.release(100);
        Tuner.run(Experiment.of(Gated.class).get(0), TuneOptions.builder().storagePath(results).verbose(0).build());
        try (Browser browser = Browser.start();
                Dashboard dashboard = Dashboard.serveResults(results, Dashboard.LOOPBACK, 0)) {
            browser.console(Level.ALL);
            browser.open(dashboard.address().toString());
            browser.driver().findElement(By.linkText("gated")).click();
            waitFor(browser, 8, "the experiment's page");
            String current = browser.driver().getCurrentUrl();
            assertTrue(current.endsWith("/experiments/gated/"), current);
            assertEquals(List.of(), browser.console(Level.WARNING), "the pages log no warning or error");
            assertOnlyTo(dashboard.address(), browser.requests());
        }
    }

    /** Every request the pages made went to the dashboard (and there was one at least: the page itself). */
    private static void assertOnlyTo(URI dashboard, List<Request> requests) {
        assertTrue(!requests.isEmpty(), "the page's own requests were found");
        for (Request request : requests) {
            assertTrue(PageRequests.sameOrigin(request.url(), dashboard),
                    "a request to anyone but the dashboard: " + request);
        }
    }

    /** The dashboard's address, from the line the run prints when it starts serving. */
    private static String address(ByteArrayOutputStream printed) {
        Pattern line = Pattern.compile("Dashboard of gated: (http://127\\.0\\.0\\.1:\\d+/)");
        return new FluentWait<>(printed).withTimeout(Browser.PATIENCE).pollingEvery(Duration.ofMillis(50))
                .withMessage(() -> "the run printed no dashboard address: " + printed.toString(StandardCharsets.UTF_8))
                .until(out -> {
                    Matcher m = line.matcher(out.toString(StandardCharsets.UTF_8));
                    return m.find() ? m.group(1) : null;
                });
    }

    private static long completed(Browser browser) {
        return ((Number) browser.run("return (typeof Tune !== 'undefined' && Tune.data)"
                + " ? Tune.data.trials.filter(t => t.status === 'TERMINATED' || t.status === 'ERROR').length : -1"))
                .longValue();
    }

    /** Waits until the page shows {@code completed} finished trials, as the page's own data and table have them. */
    private static void waitFor(Browser browser, long completed, String what) {
        browser.until(() -> what + ": the page shows " + completed(browser) + " finished trials, not " + completed,
                driver -> completed(browser) == completed);
        long rows = PageProbe.rows(browser);
        assertTrue(rows >= completed, what + ": the table shows " + rows + " trials");
    }
}
