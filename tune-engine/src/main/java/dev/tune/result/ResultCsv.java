package dev.tune.result;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment's trials as CSV, one row per trial as Ray's results dataframe: {@code trial_id},
 * {@code number}, {@code name}, {@code status}, {@code termination}, {@code iterations}, then each
 * hyperparameter as {@code config/<name>} and each metric's last value (both the union over all
 * trials, in first-seen order), then {@code error} (the error's summary). Missing cells are empty;
 * cells holding a comma, a quote or a line break are quoted, quotes doubled.
 */
final class ResultCsv {

    private ResultCsv() {
    }

    static String format(List<Trial> trials) {
        Set<String> configKeys = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (Trial trial : trials) {
            configKeys.addAll(trial.config().asMap().keySet());
            metrics.addAll(trial.metrics().keySet());
        }
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("trial_id", "number", "name", "status", "termination",
                "iterations"));
        configKeys.forEach(key -> header.add("config/" + key));
        header.addAll(metrics);
        header.add("error");
        row(csv, header);
        for (Trial trial : trials) {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(trial.id());
            cells.add(Integer.toString(trial.number()));
            cells.add(trial.name());
            cells.add(trial.status().name());
            cells.add(trial.termination().map(Enum::name).orElse(""));
            cells.add(Long.toString(trial.iterations()));
            Map<String, Object> config = trial.config().asMap();
            for (String key : configKeys) {
                cells.add(config.containsKey(key) ? text(config.get(key)) : "");
            }
            for (String metric : metrics) {
                MetricStats stats = trial.metrics().get(metric);
                cells.add(stats == null ? "" : Double.toString(stats.last()));
            }
            cells.add(trial.error().map(TrialError::summary).orElse(""));
            row(csv, cells);
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Enum<?> constant ? constant.name() : value.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append('\n');
    }
}
