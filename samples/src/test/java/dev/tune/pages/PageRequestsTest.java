package dev.tune.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.pages.PageRequests.Request;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request filter of the browser tests, on performance-log messages shaped as Chromium writes them
 * (taken from Chromium 150 and 156 runs), without a browser: the page's own requests are kept, whatever
 * they ask for, and the browser's own traffic around them is not.
 */
class PageRequestsTest {

    private static final String PAGE = "http://127.0.0.1:41627/";
    private static final String TAB = "CE98E175EFAF8AD2C19C15EFB7DB369F";
    /** An image that is its own URL: it never leaves the page. */
    private static final String DOT = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

    /** A {@code Network.requestWillBeSent} message as chromedriver logs it. */
    private static String request(String type, String frame, String loader, String url, String document) {
        return """
                {"message":{"method":"Network.requestWillBeSent","params":{"documentURL":"%s","frameId":"%s",\
                "loaderId":"%s","request":{"method":"GET","url":"%s"},"requestId":"%s","type":"%s"}},\
                "webview":"%s"}""".formatted(document, frame, loader, url, loader, type, TAB);
    }

    private static String event(String method, String params) {
        return """
                {"message":{"method":"%s","params":%s},"webview":"%s"}""".formatted(method, params, TAB);
    }

    private static List<String> urls(List<Request> requests) {
        return requests.stream().map(Request::url).toList();
    }

    @Test
    void keepsEveryRequestOfThePageWhereverItGoes() {
        List<String> log = List.of(
                request("Document", TAB, "FA26", PAGE, PAGE),
                event("Page.frameNavigated", "{\"frame\":{\"id\":\"" + TAB + "\"}}"),
                request("Fetch", TAB, "FA26", PAGE + "data.json", PAGE),
                request("Script", TAB, "FA26", "https://cdn.example/echarts.js", PAGE),
                request("Image", TAB, "FA26", DOT, PAGE),
                event("Network.webSocketCreated", "{\"requestId\":\"7\",\"url\":\"wss://push.example/live\"}"),
                request("Document", TAB, "F652", PAGE + "experiments/gated/", PAGE + "experiments/gated/"),
                request("Fetch", TAB, "F652", "https://cdn.example/font.woff2", PAGE + "experiments/gated/"));

        List<Request> requests = PageRequests.of(PAGE, log);

        assertEquals(List.of(PAGE, PAGE + "data.json", "https://cdn.example/echarts.js", "wss://push.example/live",
                PAGE + "experiments/gated/", "https://cdn.example/font.woff2"), urls(requests));
        assertEquals(PAGE, requests.get(2).document(), "the document that asked");
        List<String> elsewhere = urls(requests).stream()
                .filter(url -> !PageRequests.sameOrigin(url, URI.create(PAGE))).toList();
        assertEquals(List.of("https://cdn.example/echarts.js", "wss://push.example/live",
                "https://cdn.example/font.woff2"), elsewhere, "what the dashboard test rejects");
    }

    @Test
    void leavesOutTheBrowsersOwnTrafficBeforeAndAroundThePage() {
        List<String> log = List.of(
                // Debian's home page and new-tab page, before the test navigates
                request("Document", TAB, "D360", "https://start.duckduckgo.com/", "https://start.duckduckgo.com/"),
                request("Document", TAB, "3B02", "chrome://new-tab-page/", "chrome://new-tab-page/"),
                request("Script", TAB, "3B02", "chrome://resources/js/load_time_data.js", "chrome://new-tab-page/"),
                // the page
                request("Document", TAB, "FA26", PAGE, PAGE),
                // late traffic of the documents before it, logged after the page's navigation
                request("Document", "1D3F", "77AB", "chrome-untrusted://new-tab-page/one-google-bar?paramsencoded=",
                        "chrome-untrusted://new-tab-page/one-google-bar?paramsencoded="),
                request("Image", TAB, "3B02", "https://www.gstatic.com/logo.png", "chrome://new-tab-page/"),
                request("Script", TAB, "D360", "https://duckduckgo.com/dist/p.js", "https://start.duckduckgo.com/"),
                request("Image", TAB, "FA26", "chrome://favicon2/?size=24", PAGE),
                request("Fetch", TAB, "FA26", PAGE + "data.json", PAGE));

        assertEquals(List.of(PAGE, PAGE + "data.json"), urls(PageRequests.of(PAGE, log)));
    }

    @Test
    void aLogWithoutTheNavigationToThePageIsAnError() {
        List<String> log = List.of(
                request("Document", TAB, "3B02", "chrome://new-tab-page/", "chrome://new-tab-page/"),
                request("Script", TAB, "4C11", "https://cdn.example/echarts.js", "https://cdn.example/"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PageRequests.of(PAGE, log));
        assertTrue(e.getMessage().contains("no navigation to " + PAGE), e.getMessage());
    }

    @Test
    void anOriginIsSchemeHostAndPort() {
        URI dashboard = URI.create("http://127.0.0.1:4000/");
        assertTrue(PageRequests.sameOrigin("http://127.0.0.1:4000/experiments/gated/data.json", dashboard));
        assertFalse(PageRequests.sameOrigin("http://127.0.0.1:40001/", dashboard), "another port");
        assertFalse(PageRequests.sameOrigin("https://127.0.0.1:4000/", dashboard), "another scheme");
        assertFalse(PageRequests.sameOrigin("http://localhost:4000/", dashboard), "another host");
        assertTrue(PageRequests.sameOrigin("https://cdn.example/x.js", URI.create("https://cdn.example:443/")));
    }
}
