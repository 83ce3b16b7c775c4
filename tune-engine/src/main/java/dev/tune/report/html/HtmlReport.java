package dev.tune.report.html;

import dev.tune.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
    private static final String ECHARTS_HASH = hash(ECHARTS);
    private static final String APP_HASH = hash(APP);
    private static final byte[] LESS_THAN = "\\u003c".getBytes(StandardCharsets.US_ASCII);

    private HtmlReport() {
    }

    /**
     * The page for {@code data} (the JSON of {@link ReportData}); {@code live} is the URL of the
     * data to poll for in a dashboard, or empty for a static report.
     */
    static String page(String title, byte[] data, String live) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ECHARTS.length() + data.length + 65536);
        try {
            write(bytes, title, out -> out.write(data), live);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the page to {@code out} as a stream, the data written by {@code data} straight into it
     * (a report of 100,000 trials is never held in memory); each placeholder of the template is
     * filled once, in one pass, so no inserted text is ever read as a placeholder.
     */
    static void write(OutputStream out, String title, AtomicFiles.Content data, String live) throws IOException {
        String csp = "default-src 'none'; script-src " + ECHARTS_HASH + " " + APP_HASH
                + "; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'";
        int at = 0;
        while (true) {
            int open = TEMPLATE.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = TEMPLATE.indexOf("}}", open) + 2;
            text(out, TEMPLATE.substring(at, open));
            String key = TEMPLATE.substring(open, close);
            switch (key) {
                case "{{csp}}" -> text(out, csp);
                case "{{title}}" -> text(out, escape(title));
                case "{{live}}" -> text(out, escape(live));
                case "{{version}}" -> text(out, VERSIONS.getProperty("tune.version", "dev"));
                case "{{echartsVersion}}" -> text(out, VERSIONS.getProperty("echarts.version", ""));
                case "{{css}}" -> text(out, CSS);
                case "{{data}}" -> data.writeTo(new ScriptSafe(out));
                case "{{echarts}}" -> text(out, ECHARTS);
                case "{{app}}" -> text(out, APP);
                default -> text(out, key);
            }
            at = close;
        }
        text(out, TEMPLATE.substring(at));
    }

    private static void text(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * JSON inside a script element: a {@code <} (only ever inside strings) goes out as the escape
     * {@code \\u003c}, so no text of the data ends the element. Leaves {@code out} open.
     */
    private static final class ScriptSafe extends FilterOutputStream {
        ScriptSafe(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '<') {
                out.write(LESS_THAN);
            } else {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int from = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '<') {
                    out.write(bytes, from, i - from);
                    out.write(LESS_THAN);
                    from = i + 1;
                }
            }
            out.write(bytes, from, offset + length - from);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
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
                throw new IllegalStateException("the report's resource " + name
                        + " is missing from the tune-engine jar");
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
