package dev.tune.run;

import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Mode;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.run.examples.ScoreCurve;
import dev.tune.stop.ExperimentPlateauStopper;
import dev.tune.stop.MetricThreshold;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbacksTest {

    /** Records events and checks that they arrive one at a time, in a valid order per trial. */
    static final class Recorder implements Callback {
        final List<String> events = new ArrayList<>();
        final Map<String, String> last = new HashMap<>();
        boolean inside;
        boolean overlapped;
        boolean ended;

        private void event(String trialId, String kind) {
            if (inside) {
                overlapped = true;
            }
            inside = true;
            String previous = last.put(trialId, kind);
            boolean valid = switch (kind) {
                case "start" -> previous == null;
                case "result" -> "start".equals(previous) || "result".equals(previous);
                default -> "result".equals(previous) || "start".equals(previous);
            };
            if (!valid) {
                events.add("INVALID " + kind + " after " + previous + " for " + trialId);
            }
            events.add(kind);
            inside = false;
        }

        @Override
        public void onTrialStart(Trial trial) {
            event(trial.id(), "start");
        }

        @Override
        public void onTrialResult(Trial trial, Result result) {
            event(trial.id(), "result");
        }

        @Override
        public void onTrialComplete(Trial trial) {
            event(trial.id(), "complete");
        }

        @Override
        public void onExperimentEnd(ExperimentResult result) {
            ended = true;
        }
    }

    @Test
    void callbacksSeeEveryEventInAValidOrderEvenWithParallelTrials() {
        Recorder recorder = new Recorder();
        Runs.runMethod(ScoreCurve.class, "curve", Runs.quiet().maxConcurrentTrials(3).set(TuneOption.CPU, 0.0)
                .callbacks(recorder));
        assertTrue(recorder.events.stream().noneMatch(e -> e.startsWith("INVALID")), recorder.events.toString());
        assertEquals(6, recorder.events.stream().filter("start"::equals).count());
        assertEquals(30, recorder.events.stream().filter("result"::equals).count());
        assertEquals(6, recorder.events.stream().filter("complete"::equals).count());
        assertTrue(!recorder.overlapped && recorder.ended);
    }

    @Test
    void aThrowingCallbackDoesNotStopTheExperiment() {
        Callback broken = new Callback() {
            @Override
            public void onTrialResult(Trial trial, Result result) {
                throw new IllegalStateException("broken callback");
            }
        };
        ExperimentResult result = Runs.runMethod(ScoreCurve.class, "curve", Runs.quiet().callbacks(broken));
        assertEquals(6, result.trials().size());
        assertTrue(result.errors().isEmpty());
    }

    @Test
    void trialNamesComeFromTheNameCreator() {
        ExperimentResult result = Runs.runMethod(ScoreCurve.class, "curve",
                Runs.quiet().set(TuneOption.TRIAL_NAME_CREATOR, t -> "trial-" + t.number()));
        assertEquals(List.of("trial-1", "trial-2", "trial-3", "trial-4", "trial-5", "trial-6"),
                result.trials().stream().map(Trial::name).toList());
    }

    @Test
    void theDefaultNameShowsNumberAndConfig() {
        Trial trial = Runs.runMethod(ScoreCurve.class, "curve", Runs.quiet()).trials().get(0);
        assertTrue(trial.name().matches("#1 x=0\\.\\d+"), trial.name());
    }

    @Test
    void anExperimentPlateauStopsEverything() {
        ExperimentResult result = Runs.runMethod(ScoreCurve.class, "curve", Runs.quiet().samples(50)
                .maxConcurrentTrials(1).stoppers(new ExperimentPlateauStopper("score", Mode.MIN, 10, 2, 0)));
        assertTrue(result.trials().size() < 50, "stopped after " + result.trials().size() + " trials");
    }

    @Test
    void theProgressTableIsPrintedWhileTrialsRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Runs.runMethod(ScoreCurve.class, "curve", Runs.quiet().verbose(2).maxConcurrentTrials(1).samples(60)
                .set(TuneOption.PROGRESS_INTERVAL, java.time.Duration.ofMillis(100))
                .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.split("== ScoreCurve.curve:", -1).length > 2, printed);
        assertTrue(printed.contains("Trial #1 x="), printed);
        assertTrue(printed.contains(" TERMINATED after 5 iterations: score="), printed);
    }

    @Test
    void stoppedTrialsAreMarkedStoppedInTheTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExperimentResult result = Runs.runMethod(ScoreCurve.class, "curve", Runs.quiet().verbose(1)
                .set(TuneOption.STOP_WHEN, MetricThreshold.parseAll("score>=-1000"))
                .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(result.trials().stream().allMatch(t -> t.termination().orElseThrow() == Termination.STOPPED));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("6 terminated (6 stopped early)"), bytes.toString());
    }

    @Test
    void trialsAtTheirIterationLimitRanInFullAndAreNotCountedAsStoppedEarly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExperimentResult result = Runs.runMethod(ScoreCurve.class, "curve", Runs.quiet().verbose(1).maxIterations(2)
                .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(result.trials().stream().allMatch(t -> t.termination().orElseThrow() == Termination.COMPLETED
                && t.iterations() == 2));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("6 terminated (0 stopped early)"), bytes.toString());
    }
}
