package dev.tune.report;

import dev.tune.Mode;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Scope;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The console view of an experiment, like Ray's progress table: a compact table of trials with
 * their status, parameters, iterations, time and objective, printed while trials run, and a final
 * summary that names the best trial, how the objective was computed and what searched (for
 * {@code auto}, what it chose and why). What it prints is meant
 * for a person; diagnostics go through SLF4J instead.
 */
public final class ProgressReporter {

    /** Rows shown at most; the rest are counted below the table. */
    public static final int MAX_ROWS = 20;

    private final PrintStream out;

    public ProgressReporter(PrintStream out) {
        this.out = out;
    }

    /** A value as the table shows it: numbers with 5 significant digits, the rest as text. */
    public static String format(Object value) {
        return Numbers.format(value);
    }

    /** Prints the status table of {@code trials}. */
    public void printTable(String experiment, Objective objective, List<Trial> trials, Duration elapsed) {
        Map<TrialStatus, Integer> counts = new EnumMap<>(TrialStatus.class);
        trials.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        StringBuilder head = new StringBuilder("== ").append(experiment).append(": ").append(trials.size())
                .append(trials.size() == 1 ? " trial" : " trials");
        counts.forEach((s, n) -> head.append(", ").append(n).append(' ').append(s));
        head.append(" | objective: ").append(objective.describe(example(trials)))
                .append(String.format(Locale.ROOT, " | %.1f s ==", elapsed.toMillis() / 1000.0));
        out.println(head);
        if (trials.isEmpty()) {
            return;
        }
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>(objective.metrics());
        for (Trial t : trials) {
            params.addAll(t.config().asMap().keySet());
            t.lastResult().ifPresent(r -> metrics.addAll(r.metrics().keySet()));
        }
        List<String> header = new ArrayList<>(List.of("trial", "status"));
        header.addAll(params);
        header.addAll(List.of("iter", "time(s)"));
        List<String> shownMetrics = metrics.stream().limit(6).toList();
        header.addAll(shownMetrics);
        Table table = new Table(header);
        List<Trial> shown = shown(trials, objective);
        for (Trial t : shown) {
            List<String> row = new ArrayList<>(List.of("#" + t.number(), status(t)));
            params.forEach(p -> row.add(t.config().has(p) ? Numbers.format(t.config().get(p)) : ""));
            row.add(Long.toString(t.iterations()));
            row.add(t.lastResult().map(r -> String.format(Locale.ROOT, "%.2f", r.timeTotalSeconds())).orElse(""));
            shownMetrics.forEach(m -> row.add(t.lastResult().filter(r -> r.has(m))
                    .map(r -> Numbers.format(r.metric(m))).orElse("")));
            table.add(row);
        }
        table.lines().forEach(out::println);
        if (shown.size() < trials.size()) {
            out.println("... " + (trials.size() - shown.size()) + " more trials not shown");
        }
    }

    /** Prints one line for a trial that ended (verbosity 2). */
    public void printTrialEnd(Trial trial) {
        out.println("Trial " + trial.name() + " " + status(trial) + " after " + trial.iterations() + " iterations"
                + trial.lastResult().map(r -> ": " + metrics(r)).orElse("")
                + trial.error().map(e -> ": " + e.summary()).orElse(""));
    }

    /** Prints one line for a result (verbosity 3). */
    public void printResult(Trial trial, Result result) {
        out.println("Trial #" + trial.number() + " iter " + result.iteration() + ": " + metrics(result));
    }

    /** Prints the final summary: counts, the best trial (or Pareto front), the searcher, where results are. */
    public void printSummary(ExperimentResult result) {
        Map<TrialStatus, Long> counts = result.countByStatus();
        long stopped = result.trials().stream().filter(Trial::stoppedEarly).count();
        out.println(String.format(Locale.ROOT,
                "%s finished in %.1f s: %d trials, %d terminated (%d stopped early), %d errors",
                result.name(), result.wallTime().toMillis() / 1000.0, result.trials().size(),
                counts.get(TrialStatus.TERMINATED), stopped, counts.get(TrialStatus.ERROR)));
        Objective objective = result.objective();
        if (objective.isMultiObjective()) {
            List<Trial> front = result.paretoFront();
            out.println("Pareto front of " + objective.describe(Map.of()) + ": " + front.size() + " trials");
            front.forEach(t -> out.println("  " + t.name() + ": " + objectiveValues(t, objective)));
        } else {
            Map<String, Double> example = example(result.trials());
            result.bestTrial().ifPresentOrElse(
                    best -> out.println("Best trial " + best.name() + ": " + objectiveValues(best, objective)
                            + "  [objective: " + objective.describe(example) + ", last result]"),
                    () -> out.println("No trial reported a finite objective (" + objective.describe(example) + ")"));
        }
        result.searcherDescription().ifPresent(searcher -> out.println("Searcher: " + searcher));
        result.errors().stream().limit(5).forEach(t -> out.println("  error in " + t.name() + ": "
                + t.error().map(e -> e.summary()).orElse("")));
        result.dir().ifPresent(dir -> out.println("Results: " + dir));
    }

    private static String objectiveValues(Trial trial, Objective objective) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < objective.metrics().size(); i++) {
            String metric = objective.metrics().get(i);
            parts.add(metric + "=" + Numbers.format(trial.value(metric, objective.modes().get(i), Scope.LAST)));
        }
        return String.join(", ", parts);
    }

    private static List<Trial> shown(List<Trial> trials, Objective objective) {
        if (trials.size() <= MAX_ROWS) {
            return trials;
        }
        String metric = objective.metrics().get(0);
        Mode mode = objective.modes().get(0);
        Comparator<Trial> running = Comparator.comparing(t -> t.status() != TrialStatus.RUNNING);
        Comparator<Trial> best = Comparator.comparingDouble(t -> {
            double v = t.value(metric, mode, Scope.LAST);
            return Double.isFinite(v) ? (mode == Mode.MIN ? v : -v) : Double.POSITIVE_INFINITY;
        });
        return trials.stream().sorted(running.thenComparing(best)).limit(MAX_ROWS)
                .sorted(Comparator.comparingInt(Trial::number)).toList();
    }

    private static String status(Trial t) {
        if (t.status() == TrialStatus.TERMINATED && t.stoppedEarly()) {
            return "STOPPED";
        }
        return t.status().name();
    }

    private static String metrics(Result result) {
        StringBuilder text = new StringBuilder();
        result.metrics().forEach((k, v) -> text.append(text.length() > 0 ? ", " : "").append(k).append('=')
                .append(Numbers.format(v)));
        return text.toString();
    }

    private static Map<String, Double> example(List<Trial> trials) {
        for (int i = trials.size() - 1; i >= 0; i--) {
            if (trials.get(i).lastResult().isPresent()) {
                return trials.get(i).lastResult().get().metrics();
            }
        }
        return Map.of();
    }
}
