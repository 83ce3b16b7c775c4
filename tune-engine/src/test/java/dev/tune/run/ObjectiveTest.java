package dev.tune.run;

import dev.tune.options.TuneOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Objective;
import dev.tune.result.Trial;
import dev.tune.run.examples.OnlyLoss;
import dev.tune.run.examples.Scores;
import dev.tune.run.examples.TwoObjectives;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What "objective" means is never a puzzle: named metrics, the Hugging Face default, a custom function. */
class ObjectiveTest {

    @Test
    void withoutAMetricTheObjectiveIsTheSumOfNonLossNonTimingMetrics() {
        ExperimentResult result = Runs.run(Scores.class);
        for (Trial t : result.trials()) {
            double x = t.config().getDouble("x");
            assertEquals(x + x / 2, t.lastResult().orElseThrow().metric(Objective.DERIVED_NAME), 1e-12);
        }
        Trial best = result.bestTrial().orElseThrow();
        double bestX = result.trials().stream().mapToDouble(t -> t.config().getDouble("x")).max().orElseThrow();
        assertEquals(bestX, best.config().getDouble("x"));
        assertTrue(result.objective().describe(best.lastResult().orElseThrow().metrics())
                .startsWith("objective = accuracy + f1 (max, Hugging Face default"));
    }

    @Test
    void withOnlyALossTheObjectiveIsTheLossMinimised() {
        ExperimentResult result = Runs.run(OnlyLoss.class);
        result.trials().forEach(t -> assertEquals(t.config().getDouble("x"),
                t.lastResult().orElseThrow().metric(Objective.DERIVED_NAME)));
        double min = result.trials().stream().mapToDouble(t -> t.config().getDouble("x")).min().orElseThrow();
        assertEquals(min, result.bestTrial().orElseThrow().config().getDouble("x"));
    }

    @Test
    void aCustomObjectiveReplacesTheDefault() {
        ExperimentResult result = Runs.run(Scores.class, Runs.quiet().set(TuneOption.OBJECTIVE, m -> m.get("f1")));
        result.trials().forEach(t -> assertEquals(t.config().getDouble("x") / 2,
                t.lastResult().orElseThrow().metric(Objective.DERIVED_NAME), 1e-12));
        assertTrue(result.objective().describe(Map.of()).contains("custom function"));
    }

    @Test
    void severalMetricsGiveAParetoFront() {
        ExperimentResult result = Runs.run(TwoObjectives.class, Runs.quiet().seed(3));
        List<Trial> front = result.paretoFront();
        assertTrue(!front.isEmpty());
        for (Trial t : result.trials()) {
            boolean optimal = t.config().getDouble("x") >= 0.5
                    || result.trials().stream().noneMatch(o -> o.config().getDouble("x") >= 0.5);
            double x = t.config().getDouble("x");
            boolean dominated = result.trials().stream().anyMatch(o -> {
                double y = o.config().getDouble("x");
                return y > x && (y - 0.5) * (y - 0.5) <= (x - 0.5) * (x - 0.5);
            });
            assertEquals(!dominated, front.contains(t), "trial x=" + x + " optimal=" + optimal);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, result::bestTrial);
        assertTrue(e.getMessage().contains("[accuracy, eval_loss]"), e.getMessage());
    }

    @Test
    void theSummaryNamesTheBestTrialAndTheObjective() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Runs.run(Scores.class, Runs.quiet().verbose(1).output(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("== Scores: 4 trials, 4 TERMINATED | objective: objective = accuracy + f1"), printed);
        assertTrue(printed.contains("trial  status"), printed);
        assertTrue(printed.contains("Best trial #"), printed);
        assertTrue(printed.contains("Scores finished in"), printed);
    }

    @Test
    void theSummaryCanBeLeftToTheCaller() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Runs.run(Scores.class, Runs.quiet().verbose(1).set(TuneOption.SUMMARY, false)
                .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("== Scores: 4 trials"), printed);
        assertTrue(!printed.contains("finished in") && !printed.contains("Best trial"), printed);
    }
}
