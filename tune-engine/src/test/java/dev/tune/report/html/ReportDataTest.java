package dev.tune.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.report.html.examples.Reported;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data a report page is drawn from, and the page that carries it, from a real persisted run. */
class ReportDataTest {

    @TempDir
    Path storage;

    private ExperimentResult run() {
        return Tuner.run(Experiment.of(Reported.class).get(0), TuneOptions.builder().storagePath(storage)
                .set(TuneOption.PERSIST, true).verbose(0).build());
    }

    @Test
    void describesEveryTrialAxisAndCurve() throws IOException {
        ExperimentResult result = run();
        JsonNode data = new ObjectMapper().readTree(Report.data(ReportInput.of(result.dir().orElseThrow())));

        assertEquals(1, data.path("format").asInt());
        assertEquals("report", data.path("experiment").path("name").asText());
        assertEquals("asha(maxT=9,gracePeriod=1,reductionFactor=3)", data.path("experiment").path("scheduler").asText());
        assertEquals("auto", data.path("experiment").path("searcher").asText());
        assertEquals("auto chose TPE (10 random start-up trials, then 24 candidates per suggestion; joint over"
                + " hyperparameters that occur together) for 12 trials of 3 hyperparameters: a scheduler that stops"
                + " trials early, and choices, which CMA-ES does not model",
                data.path("experiment").path("searcherDescription").asText());
        assertEquals("loss", data.path("objective").path("metrics").get(0).asText());
        assertEquals("min", data.path("objective").path("modes").get(0).asText());
        assertEquals("loss (min)", data.path("objective").path("text").asText());

        JsonNode lr = data.path("params").get(0);
        assertEquals("lr", lr.path("name").asText());
        assertEquals("float", lr.path("type").asText());
        assertTrue(lr.path("log").asBoolean());
        assertEquals(1e-4, lr.path("low").asDouble());
        assertEquals(1, lr.path("high").asDouble());
        JsonNode layers = data.path("params").get(1);
        assertEquals("int", layers.path("type").asText());
        assertFalse(layers.path("log").asBoolean());
        JsonNode optimizer = data.path("params").get(2);
        assertEquals("choice", optimizer.path("type").asText());
        List<String> choices = new ArrayList<>();
        optimizer.path("choices").forEach(c -> choices.add(c.asText()));
        assertTrue(List.of("adam", "sgd", "</script><b>").containsAll(choices) && !choices.isEmpty(), choices.toString());

        JsonNode trials = data.path("trials");
        assertEquals(12, trials.size());
        for (int i = 0; i < trials.size(); i++) {
            JsonNode page = trials.get(i);
            Trial trial = result.trials().get(i);
            assertEquals(trial.number(), page.path("n").asInt());
            assertEquals(trial.iterations(), page.path("x").asLong(), "iterations 1..n: x is n");
            assertEquals(trial.iterations(), page.path("y").size());
            String state = page.path("state").asText();
            if (trial.status() == TrialStatus.ERROR) {
                assertEquals("failed", state);
                assertTrue(page.path("error").asText().contains("too fast"));
                assertTrue(page.path("values").get(0).isNull(), "no finite loss: null");
            } else {
                assertEquals(trial.stoppedEarly() ? "pruned" : "completed", state);
                assertEquals(trial.lastResult().orElseThrow().metric("loss"), page.path("values").get(0).asDouble());
            }
        }
        assertTrue(result.trials().stream().anyMatch(t -> t.status() == TrialStatus.ERROR), "some trials failed");
        assertTrue(result.trials().stream().anyMatch(Trial::stoppedEarly), "ASHA cut some trials");

        JsonNode importance = data.path("importance").path("metrics").get(0);
        assertEquals("loss", importance.path("metric").asText());
        double sum = 0;
        for (JsonNode param : importance.path("params")) {
            sum += param.path("importance").asDouble();
        }
        assertEquals(1, sum, 1e-9, importance.toString());
    }

    @Test
    void aRunWritesOneSelfContainedPageBesideItsResults() throws IOException {
        ExperimentResult result = run();
        Path report = result.dir().orElseThrow().resolve(Report.FILE);
        String page = Files.readString(report, StandardCharsets.UTF_8);

        Matcher csp = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").matcher(page);
        assertTrue(csp.find(), "a Content-Security-Policy meta tag");
        assertTrue(csp.group(1).startsWith("default-src 'none'; script-src 'sha256-"), csp.group(1));
        assertFalse(csp.group(1).contains("http"), "no remote origin is allowed: " + csp.group(1));
        String markup = page.replaceAll("(?s)<script([^>]*)>.*?</script>", "<script$1></script>");
        assertFalse(Pattern.compile("<(script|link|img|iframe)[^>]+(src|href)=", Pattern.CASE_INSENSITIVE).matcher(markup)
                .find(), "nothing is loaded from elsewhere");
        assertEquals(3, page.split("<script", -1).length - 1, "the data, the charting library and the page's script");
        assertFalse(page.contains("</script><b>"), "text from the data never ends a script element");
        assertTrue(page.contains("\\u003c/script>\\u003cb>") || result.trials().stream()
                .noneMatch(t -> "</script><b>".equals(t.config().get("optimizer"))));
    }

    @Test
    void theReportCanBeWrittenAgainFromTheDirectory() throws IOException {
        ExperimentResult result = run();
        Path dir = result.dir().orElseThrow();
        Files.delete(dir.resolve(Report.FILE));

        Path written = Report.write(dir);

        assertEquals(dir.resolve(Report.FILE), written);
        assertTrue(Files.size(written) > 1_000_000, "the library is inlined");
    }

    @Test
    void noReportWhenTurnedOff() {
        ExperimentResult result = Tuner.run(Experiment.of(Reported.class).get(0), TuneOptions.builder()
                .storagePath(storage).set(TuneOption.PERSIST, true).set(TuneOption.REPORT, false).verbose(0).build());
        assertFalse(Files.exists(result.dir().orElseThrow().resolve(Report.FILE)));
    }
}
