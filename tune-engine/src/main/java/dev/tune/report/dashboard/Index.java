package dev.tune.report.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The dashboard's first page over a results directory: each experiment, its status, and a link. */
final class Index {

    private Index() {
    }

    static String html(Routes.Many routes) {
        StringBuilder rows = new StringBuilder();
        for (Catalog.Entry experiment : routes.catalog().list()) {
            rows.append("<tr><td><a href=\"experiments/")
                    .append(escape(URLEncoder.encode(experiment.name(), StandardCharsets.UTF_8)
                            .replace("+", "%20")))
                    .append("/\">").append(escape(experiment.name())).append("</a></td><td>")
                    .append(escape(experiment.status())).append("</td></tr>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\""
                + " content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                + "<title>tune dashboard</title><style>body{font:14px system-ui,sans-serif;margin:24px}"
                + "td{padding:4px 16px 4px 0}a{color:#0969da}</style></head><body><h1>tune dashboard</h1>"
                + "<p>Experiments in " + escape(routes.catalog().where()) + "</p>"
                + (rows.length() == 0 ? "<p>None yet.</p>" : "<table>\n" + rows + "</table>") + "</body></html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
