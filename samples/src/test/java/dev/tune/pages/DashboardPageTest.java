package dev.tune.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.report.dashboard.Dashboard;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The live dashboard of a running experiment ({@code tune.dashboard=0}), in headless Chromium: the page
 * shows the trials done so far, and as the next trial ends it appears on the same page without a
 * reload; the page logs no error and asks nothing of anyone but the dashboard.
 */
class DashboardPageTest {

    @TempDir
    Path results;

    /** Each trial waits for a permit before it trains, so the test decides when something new happens. */
    static final Semaphore PERMITS = new Semaphore(0);

    @Trainable(name = "gated", metric = "loss", samples = 8, maxConcurrentTrials = 1)
    static void gated(@Uniform(lower = 0, upper = 1) double x, TrialContext context) throws InterruptedException {
        if (!PERMITS.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never let this trial go");
        }
        for (int epoch = 1; epoch <= 3; epoch++) {
            context.report("loss", x * x / epoch);
        }
    }

    @Test
    void aNewResultAppearsWithoutAReload() throws Exception {
        try (Browser browser = Browser.start()) {
            PERMITS.drainPermits();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            CompletableFuture<ExperimentResult> run = CompletableFuture.supplyAsync(() -> Tuner.run(
                    Experiment.of(DashboardPageTest.class).get(0), TuneOptions.builder().storagePath(results)
                            .set(TuneOption.DASHBOARD, 0).output(out).verbose(1).build()));
            String address = address(printed);
            PERMITS.release(2);
            browser.console(Level.ALL);
            browser.requests(); // what the browser loaded for itself before it opened the page
            browser.open(address);
            waitFor(browser, 2, "the two trials done before the page opened");
            browser.run("window.tuneMarker = 'the same page'");

            PERMITS.release(1);
            waitFor(browser, 3, "the third trial's end appears without a reload");
            assertEquals("the same page", browser.run("return window.tuneMarker"), "the page was not reloaded");

            PERMITS.release(100);
            ExperimentResult result = run.get(60, TimeUnit.SECONDS);
            waitFor(browser, result.trials().size(), "the finished run");
            assertEquals("FINISHED", browser.run("return Tune.data.experiment.status"));
            browser.screenshot(Path.of("target", "report-screenshots", "dashboard.png"));

            assertEquals(List.of(), browser.console(Level.WARNING), "the page logs no warning or error");
            String origin = address.substring(0, address.length() - 1);
            for (String url : browser.requests()) {
                assertTrue(url.startsWith(origin + "/") || url.startsWith("data:"),
                        "a request to anyone but the dashboard: " + url);
            }
        }
    }

    /** {@code tune:dashboard}'s view: the index of a results directory, and an experiment's page one click away. */
    @Test
    void theResultsIndexLeadsToEachExperimentsPage() throws Exception {
        PERMITS.release(100);
        Tuner.run(Experiment.of(DashboardPageTest.class).get(0), TuneOptions.builder().storagePath(results).verbose(0).build());
        try (Browser browser = Browser.start(); Dashboard dashboard = Dashboard.serveResults(results, Dashboard.LOOPBACK, 0)) {
            browser.console(Level.ALL);
            browser.requests();
            browser.open(dashboard.address().toString());
            browser.driver().findElement(By.linkText("gated")).click();
            waitFor(browser, 8, "the experiment's page");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/experiments/gated/"), browser.driver().getCurrentUrl());
            assertEquals(List.of(), browser.console(Level.WARNING), "the pages log no warning or error");
            String origin = dashboard.address().toString();
            for (String url : browser.requests()) {
                assertTrue(url.startsWith(origin) || url.startsWith("data:"), "a request to anyone but the dashboard: " + url);
            }
        }
    }

    /** The dashboard's address, from the line the run prints when it starts serving. */
    private static String address(ByteArrayOutputStream printed) throws InterruptedException {
        Pattern line = Pattern.compile("Dashboard of gated: (http://127\\.0\\.0\\.1:\\d+/)");
        for (int i = 0; i < 200; i++) {
            Matcher m = line.matcher(printed.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run printed no dashboard address: " + printed.toString(StandardCharsets.UTF_8));
    }

    private static long completed(Browser browser) {
        return ((Number) browser.run("return (typeof Tune !== 'undefined' && Tune.data)"
                + " ? Tune.data.trials.filter(t => t.status === 'TERMINATED' || t.status === 'ERROR').length : -1"))
                .longValue();
    }

    /** Waits until the page shows {@code completed} finished trials, as the page's own data and table have them. */
    private static void waitFor(Browser browser, long completed, String what) throws InterruptedException {
        long seen = -1;
        for (int i = 0; i < 200; i++) {
            seen = completed(browser);
            if (seen == completed) {
                long rows = PageProbe.rows(browser);
                assertTrue(rows >= completed, what + ": the table shows " + rows + " trials");
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": the page shows " + seen + " finished trials, not " + completed);
    }
}
