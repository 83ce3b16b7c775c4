package dev.tune.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The requests that one page made, picked out of Chrome's performance log (the DevTools events
 * chromedriver records, one JSON message per event, in the order they happened).
 *
 * <p>The log holds the whole browser's traffic, and Chromium does a lot for itself: Debian's build
 * opens its home page and a new-tab page before the test navigates (which load {@code chrome://} and
 * {@code chrome-untrusted://} pages, and on a machine with a network a real web page), and that
 * traffic may reach the log after the test has opened its page. A request belongs to the page only
 * if the page's documents made it:
 * <ul>
 *   <li>the page starts with the navigation to the URL the test opened: nothing logged before that
 *       navigation is the page's;
 *   <li>the page's documents are that navigation's, and any navigated to after it (a link the test
 *       clicks, a frame the page embeds): a request that another document made (its {@code loaderId}
 *       names a document loaded before) is not the page's. A request that names no document (a web
 *       socket, a worker) counts, as nothing shows it is someone else's;
 *   <li>pages of the browser's own ({@code chrome:}, {@code chrome-untrusted:}, {@code devtools:} and
 *       the like) are never the page under test, whatever they request.
 * </ul>
 * Of the page's requests only those that leave the page for a network or a file count (http, https,
 * ws, wss, ftp, file): {@code data:} and {@code blob:} never leave it. Where the log has no
 * navigation to the opened URL, reading it fails: a filter that found nothing would prove nothing.
 */
final class PageRequests {

    /** Schemes by which a request leaves the page for a network or a file. */
    private static final Set<String> LEAVING = Set.of("http", "https", "ws", "wss", "ftp", "file");

    /** Schemes of the browser's own pages, which no web page can load. */
    private static final Set<String> BROWSER_PAGES = Set.of("chrome", "chrome-untrusted", "chrome-search",
            "chrome-extension", "devtools");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request of the page: where it went, and the document that made it (empty when the log names none). */
    record Request(String url, String document) {

        @Override
        public String toString() {
            return document.isEmpty() ? url : url + " (asked by " + document + ")";
        }
    }

    private PageRequests() {
    }

    /**
     * The requests the page opened at {@code opened} made, from the performance log's messages
     * logged since just before it was opened.
     *
     * @throws IllegalStateException if the messages hold no navigation to {@code opened}
     */
    static List<Request> of(String opened, List<String> messages) {
        List<Request> requests = new ArrayList<>();
        Set<String> documents = new HashSet<>();
        boolean started = false;
        for (String text : messages) {
            JsonNode message = parse(text).path("message");
            JsonNode params = message.path("params");
            String method = message.path("method").asText();
            if (method.equals("Network.webSocketCreated")) {
                String url = params.path("url").asText();
                if (started && leaves(url)) {
                    requests.add(new Request(url, ""));
                }
                continue;
            }
            if (!method.equals("Network.requestWillBeSent")) {
                continue;
            }
            String url = params.path("request").path("url").asText();
            String document = params.path("documentURL").asText();
            String loader = params.path("loaderId").asText();
            if (browserPage(document)) {
                continue;
            }
            boolean navigation = params.path("type").asText().equals("Document");
            started |= navigation && url.equals(opened);
            if (!started) {
                continue;
            }
            if (navigation) {
                documents.add(loader);
            }
            if ((loader.isEmpty() || documents.contains(loader)) && leaves(url)) {
                requests.add(new Request(url, document));
            }
        }
        if (!started) {
            throw new IllegalStateException("the performance log has no navigation to " + opened
                    + " among its " + messages.size() + " messages: is Chrome's performance log on?");
        }
        return requests;
    }

    /** Whether {@code url} goes to the origin (scheme, host and port) of {@code page}. */
    static boolean sameOrigin(String url, URI page) {
        URI uri = URI.create(url);
        return Objects.equals(uri.getScheme(), page.getScheme()) && Objects.equals(uri.getHost(), page.getHost())
                && port(uri) == port(page);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean leaves(String url) {
        return LEAVING.contains(scheme(url));
    }

    private static boolean browserPage(String document) {
        return BROWSER_PAGES.contains(scheme(document));
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
