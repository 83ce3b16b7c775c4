package dev.tune.maven;

import dev.tune.Mode;
import dev.tune.report.ProgressReporter;
import dev.tune.report.html.Report;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Scope;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.plugin.logging.Log;

/**
 * The table {@code tune:run} prints once its experiments are done, like Surefire's results: per
 * experiment, the best trial with its objective value, its config, how the objective was computed,
 * what searched (for {@code auto}, what it chose and why), the trial counts, where the results are,
 * and the report page.
 *
 * <pre>
 * Tune results:
 *   Quadratic (com.acme.Quadratic)
 *     Best trial #2 x=1: loss=0.25
 *     Config:    x=1
 *     Objective: loss (min)
 *     Searcher:  random search
 *     Trials: 3 terminated (0 stopped early), 0 errors
 *     Results:   target/tune/Quadratic
 *     Report:    target/tune/Quadratic/report.html
 * </pre>
 */
final class Summary {

    private final Log log;
    private final Function<Path, String> display;

    /**
     * @param display shows a path as the user should read it (relative to the project)
     */
    Summary(Log log, Function<Path, String> display) {
        this.log = log;
        this.display = display;
    }

    /** Prints the table for every experiment that has a result. */
    void print(List<RunSupport.Outcome> outcomes) {
        if (outcomes.stream().noneMatch(o -> o.result().isPresent())) {
            return;
        }
        log.info("");
        log.info("Tune results:");
        for (RunSupport.Outcome outcome : outcomes) {
            outcome.result().ifPresent(result -> {
                log.info("  " + result.name() + " (" + outcome.experiment().trainable() + ")");
                lines(result).forEach(line -> log.info("    " + line));
            });
        }
        log.info("");
    }

    /** The lines for one experiment, without indentation. */
    List<String> lines(ExperimentResult result) {
        List<String> lines = new ArrayList<>();
        Objective objective = result.objective();
        if (objective.isMultiObjective()) {
            List<Trial> front = result.paretoFront();
            lines.add("Pareto front: " + front.size() + (front.size() == 1 ? " trial" : " trials"));
            front.forEach(t -> lines.add("  " + t.name() + ": " + values(t, objective)));
            lines.add("Objective: " + objective.describe(Map.of()));
        } else {
            result.bestTrial().ifPresentOrElse(best -> {
                lines.add("Best trial " + best.name() + ": " + values(best, objective));
                lines.add("Config:    " + config(best));
                lines.add("Objective: " + objective.describe(best.lastResult().map(Result::metrics).orElse(Map.of())));
            }, () -> lines.add("No trial reported a finite value of " + objective.describe(Map.of())));
        }
        result.searcherDescription().ifPresent(searcher -> lines.add("Searcher:  " + searcher));
        Map<TrialStatus, Long> counts = result.countByStatus();
        long stoppedEarly = result.trials().stream().filter(Trial::stoppedEarly).count();
        lines.add("Trials: " + counts.get(TrialStatus.TERMINATED) + " terminated (" + stoppedEarly + " stopped early), "
                + counts.get(TrialStatus.ERROR) + " errors");
        result.errors().stream().findFirst().ifPresent(first -> lines.add("First error: " + first.name() + ": "
                + first.error().map(TrialError::summary).orElse("unknown error")));
        result.dir().ifPresent(dir -> lines.add("Results:   " + display.apply(dir)));
        result.dir().map(dir -> dir.resolve(Report.FILE)).filter(Files::isRegularFile)
                .ifPresent(report -> lines.add("Report:    " + display.apply(report)));
        return lines;
    }

    private static String values(Trial trial, Objective objective) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < objective.metrics().size(); i++) {
            String metric = objective.metrics().get(i);
            Mode mode = objective.modes().get(i);
            parts.add(metric + "=" + ProgressReporter.format(trial.value(metric, mode, Scope.LAST)));
        }
        return String.join(", ", parts);
    }

    private static String config(Trial trial) {
        List<String> parts = new ArrayList<>();
        trial.config().asMap().forEach((name, value) -> parts.add(name + "=" + ProgressReporter.format(value)));
        return parts.isEmpty() ? "(no hyperparameters)" : String.join(", ", parts);
    }
}
