package dev.tune.report.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tune.report.html.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the dashboard's requests: {@code GET} and {@code HEAD} of the pages and their data, and
 * nothing else. On a loopback address it answers only requests addressed to a loopback host name,
 * so a web page elsewhere cannot reach it through a name of its own pointed at 127.0.0.1.
 */
final class DashboardHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardHandler.class);

    private final Routes routes;

    DashboardHandler(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-store");
            headers.set("X-Frame-Options", "DENY");
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "The dashboard is read-only: it answers GET and HEAD only.\n");
                return;
            }
            if (!hostAllowed(exchange)) {
                send(exchange, 403, "text/plain", "This dashboard answers only requests to localhost.\n");
                return;
            }
            Optional<Routes.Target> target = routes.route(exchange.getRequestURI().getRawPath());
            if (target.isEmpty()) {
                send(exchange, 404, "text/plain", "Nothing here: the dashboard serves its experiments only.\n");
                return;
            }
            answer(exchange, target.get());
        } catch (RuntimeException e) {
            LOG.warn("The dashboard could not answer {}: {}", exchange.getRequestURI(), e.toString());
            send(exchange, 500, "text/plain", "The experiment could not be read: " + e.getMessage() + "\n");
        }
    }

    private void answer(HttpExchange exchange, Routes.Target target) throws IOException {
        if (target.redirect().isPresent()) {
            exchange.getResponseHeaders().set("Location", target.redirect().get());
            send(exchange, 302, "text/plain", "");
        } else if (target.index()) {
            send(exchange, 200, "text/html; charset=utf-8", Index.html((Routes.Many) routes));
        } else if (target.data()) {
            CachedData.Snapshot snapshot = target.experiment().orElseThrow().get();
            String etag = "\"" + snapshot.tag() + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            send(exchange, 200, "application/json", snapshot.json());
        } else {
            CachedData.Snapshot snapshot = target.experiment().orElseThrow().get();
            send(exchange, 200, "text/html; charset=utf-8",
                    Report.page(snapshot.title(), snapshot.json(), "data.json"));
        }
    }

    private static boolean hostAllowed(HttpExchange exchange) {
        InetAddress local = exchange.getLocalAddress().getAddress();
        if (!local.isLoopbackAddress()) {
            return true;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
