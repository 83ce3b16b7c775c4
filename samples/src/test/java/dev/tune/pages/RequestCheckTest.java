package dev.tune.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tune.pages.PageRequests.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page tests' request check, in Chromium itself: a page that loads a script and an image from
 * another host shows both among its requests, read from the browser's real performance log, so
 * that the check the report and dashboard tests make would fail for such a page on this Chromium.
 * (The hosts do not resolve; Chromium logs the requests all the same.)
 */
class RequestCheckTest {

    @TempDir
    Path dir;

    @Test
    void aPageThatLoadsFromAnotherHostShowsThoseRequests() throws IOException {
        Path page = Files.writeString(dir.resolve("page.html"), """
                <!DOCTYPE html>
                <html><head><title>elsewhere</title></head><body>
                <img src="https://cdn.example/logo.png" alt="">
                <script src="https://cdn.example/echarts.js"></script>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" alt="">
                </body></html>
                """);
        try (Browser browser = Browser.start()) {
            String url = page.toUri().toString();
            browser.open(url);
            browser.until(() -> "the page loaded", "return document.readyState === 'complete'");
            List<String> requests = browser.requests().stream().map(Request::url).sorted().toList();
            assertEquals(List.of(url, "https://cdn.example/echarts.js", "https://cdn.example/logo.png").stream()
                    .sorted().toList(), requests, "the page's requests that leave it, and no others");
        }
    }
}
