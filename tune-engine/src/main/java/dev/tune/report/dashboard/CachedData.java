package dev.tune.report.dashboard;

import dev.tune.report.html.Report;
import dev.tune.report.html.ReportInput;

/**
 * One experiment's page data, built again only when its source's version changed and at most once
 * a second, so a page polling every second and a run reporting thousands of results a second do
 * not rebuild it (importances included) on every request.
 */
final class CachedData {

    private static final long MIN_AGE_NANOS = 1_000_000_000L;

    private final ReportSource source;
    private long version = Long.MIN_VALUE;
    private long builtAt;
    private byte[] json;
    private String title = "";

    CachedData(ReportSource source) {
        this.source = source;
    }

    /** The data as of now (or of less than a second ago), and its version for the ETag. */
    synchronized Snapshot get() {
        if (json != null && System.nanoTime() - builtAt < MIN_AGE_NANOS) {
            return new Snapshot(json, Long.toHexString(version), title);
        }
        long seen = source.version(); // asked once: for a database it is a query, for a directory a listing
        if (json == null || seen != version) {
            ReportInput input = source.read();
            json = Report.data(input);
            title = input.result().name();
            version = seen;
            builtAt = System.nanoTime();
        }
        return new Snapshot(json, Long.toHexString(version), title);
    }

    record Snapshot(byte[] json, String tag, String title) {
    }
}
