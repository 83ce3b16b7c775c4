package dev.tune.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Assembles the report page: one HTML file holding the charting library, the page's script and
 * style, and the data, so it opens from {@code file://} with no network. Its Content-Security-Policy
 * allows exactly the two inlined scripts (by their SHA-256), inline style, {@code data:} images,
 * and requests to the page's own origin (the live dashboard's data); anything remote is refused.
 */
final class HtmlReport {

    private static final String BASE = "/dev/tune/report/html/";
    private static final List<String> SCRIPTS = List.of("report-core.js", "report-history.js", "report-space.js",
            "report-more.js", "report-table.js", "report-main.js");
    private static final String TEMPLATE = text("report.html");
    private static final String CSS = text("report.css");
    private static final String ECHARTS = text("echarts/echarts.min.js");
    private static final String APP = String.join("\n", SCRIPTS.stream().map(HtmlReport::text).toList());
    private static final Properties VERSIONS = versions();

    private HtmlReport() {
    }

    /**
     * The page for {@code data} (the JSON of {@link ReportData}); {@code live} is the URL of the
     * data to poll for in a dashboard, or empty for a static report.
     */
    static String page(String title, byte[] data, String live) {
        String csp = "default-src 'none'; script-src " + hash(ECHARTS) + " " + hash(APP)
                + "; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'";
        return fill(TEMPLATE, "{{csp}}", csp, "{{title}}", escape(title), "{{live}}", escape(live),
                "{{version}}", VERSIONS.getProperty("tune.version", "dev"),
                "{{echartsVersion}}", VERSIONS.getProperty("echarts.version", ""),
                "{{css}}", CSS, "{{data}}", scriptSafe(new String(data, StandardCharsets.UTF_8)),
                "{{echarts}}", ECHARTS, "{{app}}", APP);
    }

    /** Replaces each placeholder once, in one pass, so no inserted text is ever read as a placeholder. */
    private static String fill(String template, String... pairs) {
        StringBuilder out = new StringBuilder(template.length() + ECHARTS.length() + 4096);
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf("}}", open) + 2;
            String key = template.substring(open, close);
            String value = null;
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i].equals(key)) {
                    value = pairs[i + 1];
                }
            }
            out.append(template, at, open).append(value != null ? value : key);
            at = close;
        }
        return out.append(template, at, template.length()).toString();
    }

    /** JSON inside a script element: a {@code <} (only ever in strings) becomes {@code \u003c}, so no text ends the element. */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String text(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the report's resource " + name + " is missing from the tune-engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream(BASE + "report.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
