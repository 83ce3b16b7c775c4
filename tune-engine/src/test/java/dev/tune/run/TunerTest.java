package dev.tune.run;

import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.examples.Quickstart;
import dev.tune.run.examples.Reporting;
import dev.tune.run.examples.Reusable;
import dev.tune.run.examples.Sleepy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TunerTest {

    @Test
    void gridTimesSamplesWithBestTrial() {
        ExperimentResult result = Runs.runMethod(Quickstart.class, "quickstart", Runs.quiet().seed(1).samples(2));
        assertEquals(8, result.trials().size());
        Set<Object> as = new HashSet<>();
        result.trials().forEach(t -> as.add(t.config().get("a")));
        assertEquals(Set.of(0.001, 0.01, 0.1, 1.0), as);
        Trial best = result.bestTrial().orElseThrow();
        assertEquals(0.001, best.config().getDouble("a"));
        double expected = 0.001 * 0.001 + best.config().getInt("b");
        assertEquals(expected, best.lastResult().orElseThrow().metric("score"), 1e-12);
        assertTrue(result.trials().stream().allMatch(t -> t.termination().orElseThrow() == Termination.COMPLETED));
    }

    @Test
    void sameSeedSameTrials() {
        List<Config> first = configs(Runs.runMethod(Quickstart.class, "quickstart", Runs.quiet().seed(9).samples(3)));
        List<Config> again = configs(Runs.runMethod(Quickstart.class, "quickstart",
                Runs.quiet().seed(9).samples(3).maxConcurrentTrials(1)));
        assertEquals(first, again);
    }

    private static List<Config> configs(ExperimentResult result) {
        return result.trials().stream().map(Trial::config).toList();
    }

    @Test
    void functionApiReportsEveryIterationWithAutomaticFields() {
        List<Result> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onTrialResult(Trial trial, Result result) {
                seen.add(result);
            }
        };
        ExperimentResult result = Runs.runMethod(Reporting.class, "reporting", Runs.quiet().callbacks(recorder));
        assertEquals(3, result.trials().size());
        for (Trial trial : result.trials()) {
            assertEquals(20, trial.iterations());
            List<Result> mine = seen.stream().filter(r -> r.trialId().equals(trial.id())).toList();
            assertEquals(20, mine.size());
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(i + 1, mine.get(i).iteration());
                assertEquals(i + 1, mine.get(i).iterationsSinceRestore());
                assertTrue(i == 0 || mine.get(i).timeTotalSeconds() >= mine.get(i - 1).timeTotalSeconds());
            }
        }
    }

    @Test
    void instancesAreReusedThroughReset() {
        Reusable.SETUPS.set(0);
        Reusable.RESETS.set(0);
        ExperimentResult result = Runs.run(Reusable.class);
        assertEquals(1, Reusable.SETUPS.get());
        assertEquals(5, Reusable.RESETS.get());
        result.trials().forEach(t -> assertEquals(3, t.iterations(), "done ends the trial"));
        assertEquals(6, result.trials().stream().map(t -> t.config().get("h1")).distinct().count());
    }

    @Test
    void reuseCanBeTurnedOff() {
        Reusable.SETUPS.set(0);
        Runs.run(Reusable.class, Runs.quiet().set(TuneOption.REUSE_ACTORS, false));
        assertEquals(6, Reusable.SETUPS.get());
    }

    @Test
    void trialsRunInParallelUpToTheLimit() {
        Sleepy.PEAK.set(0);
        ExperimentResult result = Runs.runMethod(Sleepy.class, "sleepy", Runs.quiet().maxConcurrentTrials(3)
                .set(TuneOption.CPU, 0.0));
        assertEquals(8, result.trials().size());
        assertEquals(3, Sleepy.PEAK.get());
        assertTrue(result.trials().stream().allMatch(t -> t.status() == TrialStatus.TERMINATED));
    }

    @Test
    void resourcesDecideConcurrency() {
        Sleepy.PEAK.set(0);
        Runs.runMethod(Sleepy.class, "sleepy", Runs.quiet().set(TuneOption.CPU, 0.5)
                .set(TuneOption.TOTAL_CPU, 2.0));
        assertEquals(4, Sleepy.PEAK.get());
    }

    @Test
    void aTrialThatNeedsMoreThanTheMachineIsAClearError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Runs.runMethod(Sleepy.class, "sleepy", Runs.quiet().set(TuneOption.GPU, 1.0)));
        assertTrue(e.getMessage().contains("a trial needs gpu=1.0 but this machine offers 0.0"), e.getMessage());
    }

    @Test
    void systemPropertiesOverrideCode() {
        System.setProperty("tune.samples", "2");
        try {
            ExperimentResult result = Runs.runMethod(Sleepy.class, "sleepy", Runs.quiet().samples(5));
            assertEquals(2, result.trials().size());
        } finally {
            System.clearProperty("tune.samples");
        }
    }
}
