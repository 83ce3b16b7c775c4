package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.report.dashboard.Dashboard;
import dev.tune.report.html.Report;
import dev.tune.report.html.ReportInput;
import dev.tune.run.Tuner;
import dev.tune.store.postgres.examples.SharedModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report and the dashboard of a shared experiment, read from a real PostgreSQL server. */
class SharedReportTest extends WithPostgres {

    @Test
    void aSharedExperimentIsReportedAndServedFromTheDatabase() throws Exception {
        String url = server.createDatabase("reported");
        Tuner.run(SharedModel.class.getMethod("quadratic", double.class, double.class, dev.tune.TrialContext.class),
                TuneOptions.builder().set(TuneOption.STORAGE, url).set(TuneOption.STORAGE_USER, PostgresServer.USER)
                        .set(TuneOption.STORAGE_PASSWORD, PostgresServer.PASSWORD).set(TuneOption.NAME, "shared-report")
                        .samples(6).storagePath(dir.resolve("worker")).verbose(0).build());
        PostgresLocation location = PostgresLocation.of(url, PostgresServer.USER, PostgresServer.PASSWORD, Map.of());

        JsonNode data = new ObjectMapper().readTree(Report.data(ReportInput.of(location, "shared-report")));
        assertEquals("shared-report", data.path("experiment").path("name").asText());
        assertEquals(6, data.path("trials").size());
        for (JsonNode trial : data.path("trials")) {
            assertEquals(3, trial.path("y").size(), "every result of the log is on the curve: " + trial);
        }

        List<Path> written = Report.writeShared(location, name -> true, dir.resolve("reports"));
        assertEquals(List.of(dir.resolve("reports").resolve("shared-report").resolve(Report.FILE)), written);
        assertTrue(Files.readString(written.get(0)).contains("\"name\":\"shared-report\""));

        try (Dashboard dashboard = Dashboard.serveDatabase(location, Dashboard.LOOPBACK, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> index = http.send(HttpRequest.newBuilder(dashboard.address()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(index.body().contains("experiments/shared-report/"), index.body());
            URI json = dashboard.address().resolve("experiments/shared-report/data.json");
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(json).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, served.statusCode());
            assertEquals(6, new ObjectMapper().readTree(served.body()).path("trials").size());
            assertEquals(404, http.send(HttpRequest.newBuilder(dashboard.address().resolve("experiments/other/"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
