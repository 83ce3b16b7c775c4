package dev.tune.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.options.TuneOptions;
import dev.tune.pages.PageRequests.Request;
import dev.tune.pages.examples.Diverging;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.Tuner;
import dev.tune.samples.Samples;
import dev.tune.store.StoredExperiment;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The report.html of real sample runs (and of the {@link Diverging} fixture, whose trials fail),
 * opened from {@code file://} in headless Chromium: every view is drawn with the number of points and
 * lines the run recorded (read back from the charts themselves, once the page has drawn them), the
 * page logs no error and requests nothing but its own file, and the trial table's filter changes its
 * rows. Screenshots go to {@code target/report-screenshots} for people to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPageTest {

    private static final Path ROOT = Path.of("target", "report-pages");
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private final Map<String, ExperimentResult> runs = new ConcurrentHashMap<>();
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private ExperimentResult run(Experiment experiment) {
        return runs.computeIfAbsent(experiment.name(), name -> Tuner.run(experiment,
                TuneOptions.builder().storagePath(ROOT.toAbsolutePath()).verbose(0).build()));
    }

    private ExperimentResult run(String sample) {
        return run(Samples.experiment(sample));
    }

    /** Opens the run's report and returns what every view drew, as the page's charts hold it. */
    private JsonNode open(ExperimentResult result) throws IOException {
        Path report = result.dir().orElseThrow().resolve("report.html");
        assertTrue(Files.isRegularFile(report), "the run wrote " + report);
        assertTrue(Files.size(report) < 3_000_000, "a report stays under 3 MB: " + Files.size(report));
        browser.console(Level.ALL);
        URI page = report.toUri();
        browser.open(page.toString());
        JsonNode views = PageProbe.drawn(browser);
        browser.screenshot(SCREENSHOTS.resolve(result.name() + ".png"));
        List<String> errors = browser.console(Level.WARNING);
        assertEquals(List.of(), errors, "the page logs no warning or error");
        for (Request request : browser.requests()) {
            assertEquals(page, URI.create(request.url()), "a request for anything but the report itself: " + request);
        }
        for (JsonNode view : views) {
            assertTrue(view.path("charts").size() > 0 || view.path("notes").size() > 0
                    || view.path("tables").asInt() > 0,
                    view.path("id").asText() + " drew nothing: " + view);
            assertEquals(0, view.path("failed").asInt(), view.path("id").asText() + " could not be drawn: " + view);
        }
        return views;
    }

    @Test
    void classApiWithAshaAndFailedTrials() throws IOException {
        ExperimentResult result = run(Experiment.of(Diverging.class).get(0));
        JsonNode views = open(result);
        long failed = result.trials().stream().filter(t -> t.status() == TrialStatus.ERROR).count();
        long cut = result.trials().stream().filter(Trial::stoppedEarly).count();
        assertTrue(failed > 0 && cut > 0, "the fixture has failed and cut trials: " + result.countByStatus());

        long finite = PageProbe.finite(result);
        assertEquals(finite, PageProbe.points(views, "history", "scatter"), "history: one point per finite trial");
        assertEquals(result.trials().stream().filter(t -> t.iterations() > 0).count(),
                PageProbe.series(views, "curves", "line"), "one curve per trial that reported");
        assertEquals(cut, PageProbe.seriesPoints(views, "curves", "cut by the scheduler"), "each cut marked once");
        assertEquals(finite, PageProbe.points(views, "parallel", "parallel"), "a line per trial with a finite loss");
        assertEquals(2, PageProbe.charts(views, "slices"), "one slice per hyperparameter");
        assertEquals(2, PageProbe.points(views, "importance", "bar"), "an importance per hyperparameter");
        assertEquals(30, PageProbe.rows(browser));

        WebElement filter = browser.driver().findElement(By.cssSelector("#view-trials input[type=search]"));
        filter.sendKeys("state=failed");
        assertEquals(failed, PageProbe.rows(browser), "the filter keeps the failed trials");
        browser.driver().findElement(By.cssSelector("#view-trials input[type=search]")).clear();
        browser.driver().findElement(By.cssSelector("#view-trials input[type=search]")).sendKeys(" ");
        assertEquals(30, PageProbe.rows(browser));
        browser.driver().findElement(By.cssSelector("#view-trials select option[value=pruned]")).click();
        assertEquals(cut, PageProbe.rows(browser), "the state menu keeps the cut trials");
    }

    @Test
    void populationBasedTraining() throws IOException {
        ExperimentResult result = run("pbt");
        JsonNode views = open(result);
        long exploits = Files.readAllLines(result.dir().orElseThrow().resolve("pbt_global.txt")).size();
        assertTrue(exploits > 0, "PBT exploited");
        assertEquals(exploits, PageProbe.seriesPoints(views, "lineage", "exploits"), "one arrow per exploit");
        assertEquals(exploits, PageProbe.seriesPoints(views, "curves", "PBT exploit"),
                "each exploit marked on its curve");
        assertEquals(result.trials().size(), PageProbe.series(views, "curves", "line"));
        assertEquals(result.trials().size() + 0L, PageProbe.seriesIn(views, "lineage", 1, "line"),
                "a schedule line per trial");
        var first = StoredExperiment.firstConfigs(result.dir().orElseThrow());
        long changed = result.trials().stream().filter(t -> !first.get(t.id()).equals(t.config())).count();
        assertTrue(changed > 0, "PBT changed some trial's lr");
        Object firstConfigs = browser.run("return Tune.data.trials.filter(t => t.firstConfig).length");
        assertEquals(changed, ((Number) firstConfigs).longValue(),
                "each trial PBT changed starts its schedule from its first config");
    }

    @Test
    void severalObjectives() throws IOException {
        ExperimentResult result = run("multi-objective");
        JsonNode views = open(result);
        assertEquals(result.paretoFront().size(), PageProbe.seriesPoints(views, "pareto", "on the front"));
        long infeasible = result.trials().size() - result.feasible().size();
        assertTrue(infeasible > 0, "the sample's latency budget rules some trials out");
        assertEquals(infeasible, PageProbe.seriesPoints(views, "pareto", "breaks a constraint"));
        assertEquals(result.feasible().size() - result.paretoFront().size(),
                PageProbe.seriesPoints(views, "pareto", "dominated"));
        assertEquals(2, PageProbe.charts(views, "importance"), "importances for each objective");
        assertEquals(3, PageProbe.charts(views, "slices"));
    }

    @Test
    void hyperBandPausesAndCutsClassTrials() throws IOException {
        ExperimentResult result = run("hyperband");
        JsonNode views = open(result);
        assertEquals(result.trials().size(), PageProbe.series(views, "curves", "line"));
        assertEquals(result.trials().stream().filter(Trial::stoppedEarly).count(),
                PageProbe.seriesPoints(views, "curves", "cut by the scheduler"));
    }
}
