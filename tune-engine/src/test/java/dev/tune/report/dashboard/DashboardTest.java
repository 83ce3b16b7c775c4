package dev.tune.report.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.report.dashboard.examples.Served;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over HTTP: pages and data for what it serves, nothing else, and never a write. */
class DashboardTest {

    @TempDir
    Path results;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void runOnce() {
        Tuner.run(Experiment.of(Served.class).get(0), TuneOptions.builder().storagePath(results)
                .set(TuneOption.PERSIST, true).verbose(0).build());
    }

    private HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesEveryExperimentUnderTheResultsAndTheirData() throws Exception {
        try (Dashboard dashboard = Dashboard.serveResults(results, Dashboard.LOOPBACK, 0)) {
            URI base = dashboard.address();
            assertEquals("127.0.0.1", base.getHost());

            HttpResponse<String> index = get(base);
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("href=\"experiments/served/\""), index.body());

            HttpResponse<String> page = get(base.resolve("experiments/served/"));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("data-live=\"data.json\""), "the page polls its data");

            HttpResponse<String> data = get(base.resolve("experiments/served/data.json"));
            assertEquals(200, data.statusCode());
            assertTrue(data.body().startsWith("{\"format\":1"), data.body());
            String etag = data.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, get(base.resolve("experiments/served/data.json"), "If-None-Match", etag).statusCode(),
                    "unchanged data is not sent again");
            assertEquals(302, get(base.resolve("experiments/served")).statusCode());
        }
    }

    @Test
    void refusesPathsOutsideTheResultsAndEveryWrite() throws Exception {
        Files.writeString(results.getParent().resolve("secret.txt"), "not yours");
        try (Dashboard dashboard = Dashboard.serveResults(results, Dashboard.LOOPBACK, 0)) {
            URI base = dashboard.address();
            for (String path : new String[] {"experiments/..%2Fsecret.txt/", "experiments/%2e%2e/data.json",
                    "experiments/served/../../secret.txt", "experiments/served/trials.jsonl", "secret.txt",
                    "experiments/served%2F..%2F..%2Fsecret.txt/data.json"}) {
                HttpResponse<String> response = get(URI.create(base + path));
                assertEquals(404, response.statusCode(), path);
            }
            assertEquals(404, raw(base, "GET /experiments/../../secret.txt HTTP/1.1"), "a raw path with ..");
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(base.resolve("experiments/served/data.json"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
            HttpResponse<String> delete = http.send(HttpRequest.newBuilder(base).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, delete.statusCode());
        }
    }

    @Test
    void onLoopbackAnswersOnlyLoopbackHostNames() throws Exception {
        try (Dashboard dashboard = Dashboard.serveResults(results, Dashboard.LOOPBACK, 0)) {
            assertEquals(403, raw(dashboard.address(), "GET / HTTP/1.1\r\nHost: evil.example:80"),
                    "a page elsewhere that points its own name at 127.0.0.1 gets nothing");
            assertEquals(200, raw(dashboard.address(), "GET / HTTP/1.1\r\nHost: localhost:" + dashboard.address().getPort()));
        }
    }

    /** Sends a request line (and headers) as given, unnormalised, and returns the status code. */
    private static int raw(URI base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String text = request + (request.contains("Host:") ? "" : "\r\nHost: 127.0.0.1") + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
