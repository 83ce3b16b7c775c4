package dev.tune.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Scope;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Reads back what a report page drew: for each view, its charts' series (name, type and number of
 * data items, from the ECharts instances themselves), its notes, and whether it failed to draw.
 */
final class PageProbe {

    /** The views as JSON text: [{id, charts: [{series: [{name, type, n}]}], notes: [text], tables, failed}]. */
    static final String SCRIPT = """
            return JSON.stringify([...document.querySelectorAll('section[data-view]')].map(section => ({
              id: section.dataset.view,
              charts: [...section.querySelectorAll('.chart')].map(el => {
                const chart = echarts.getInstanceByDom(el);
                const option = chart ? chart.getOption() : { series: [] };
                return { series: option.series.map(s => ({ name: s.name, type: s.type,
                  n: (s.data || []).filter(d => d !== '-').length })) };
              }),
              notes: [...section.querySelectorAll('.note')].map(n => n.textContent),
              tables: section.querySelectorAll('table').length,
              failed: [...section.querySelectorAll('.note')]
                .filter(n => n.textContent.startsWith('This view could not')).length
            })));
            """;

    /**
     * Whether the page has drawn: loaded, its data rendered ({@code report-main.js} marks the body with
     * the number of trials once every view is drawn), and every view holding a note, a table, or charts
     * whose ECharts instances have their options.
     */
    static final String DRAWN = """
            const sections = [...document.querySelectorAll('section[data-view]')];
            const drawn = el => typeof echarts !== 'undefined' && !!echarts.getInstanceByDom(el)
              && Array.isArray(echarts.getInstanceByDom(el).getOption().series);
            return document.readyState === 'complete' && document.body.dataset.trials !== undefined
              && sections.length > 0 && sections.every(section => section.querySelector('.note, table') !== null
                || (section.querySelector('.chart') !== null && [...section.querySelectorAll('.chart')].every(drawn)));
            """;

    private PageProbe() {
    }

    /** Waits until the page has drawn every view (see {@link #DRAWN}), then reads them back (see {@link #SCRIPT}). */
    static JsonNode drawn(Browser browser) {
        browser.until(() -> "every view drawn (a note, a table, or charts with their options); the page has "
                + describe(browser), DRAWN);
        return browser.json(SCRIPT);
    }

    private static String describe(Browser browser) {
        try {
            return browser.json(SCRIPT).toString();
        } catch (RuntimeException e) {
            return "views that cannot be read back: " + e.getMessage();
        }
    }

    private static JsonNode view(JsonNode views, String id) {
        for (JsonNode view : views) {
            if (view.path("id").asText().equals(id)) {
                return view;
            }
        }
        throw new AssertionError("the page has no view " + id + ": " + views);
    }

    /** Data items in the view's series of {@code type}, all charts together. */
    static long points(JsonNode views, String id, String type) {
        return sum(views, id, series -> series.path("type").asText().equals(type), series -> series.path("n").asLong());
    }

    /** The number of the view's series of {@code type}, all charts together. */
    static long series(JsonNode views, String id, String type) {
        return sum(views, id, series -> series.path("type").asText().equals(type), series -> 1);
    }

    /** The number of series of {@code type} in the view's {@code index}-th chart. */
    static long seriesIn(JsonNode views, String id, int index, String type) {
        long n = 0;
        for (JsonNode series : view(views, id).path("charts").path(index).path("series")) {
            n += series.path("type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    /** Data items in the view's series named {@code name}. */
    static long seriesPoints(JsonNode views, String id, String name) {
        return sum(views, id, series -> series.path("name").asText().equals(name), series -> series.path("n").asLong());
    }

    private static long sum(JsonNode views, String id, Predicate<JsonNode> which, ToLongFunction<JsonNode> count) {
        long n = 0;
        for (JsonNode chart : view(views, id).path("charts")) {
            for (JsonNode series : chart.path("series")) {
                n += which.test(series) ? count.applyAsLong(series) : 0;
            }
        }
        return n;
    }

    static int charts(JsonNode views, String id) {
        return view(views, id).path("charts").size();
    }

    /** The rows the trial table holds after its filters (all pages). */
    static long rows(Browser browser) {
        Object rows = browser.run("return document.getElementById('trial-table').dataset.rows");
        return Long.parseLong(String.valueOf(rows));
    }

    /** Trials with a finite last value of the single objective. */
    static long finite(ExperimentResult result) {
        return result.trials().stream().filter(t -> Double.isFinite(
                t.value(result.objective().metric(), result.objective().mode(), Scope.LAST))).count();
    }
}
