package dev.tune.run;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.run.examples.Replayed;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run tells the scheduler what the kept trials reported, so its state is the earlier run's. */
class ResumeReplayTest {

    /** Writes down what it is told. */
    static final class Recording implements Scheduler {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onTrialAdd(Trial trial) {
            calls.add("add " + trial.number());
        }

        @Override
        public Decision onTrialResult(Result result) {
            calls.add("result " + result.trialId().substring(result.trialId().length() - 1) + " @" + result.iteration());
            return Decision.CONTINUE;
        }

        @Override
        public void onTrialComplete(Trial trial) {
            calls.add("complete " + trial.number());
        }
    }

    @Test
    void keptTrialsResultsAreReplayedToTheScheduler(@TempDir Path dir) {
        TuneOptions.Builder options = TuneOptions.builder().storagePath(dir).verbose(0).seed(1).maxConcurrentTrials(1);
        Runs.runMethod(Replayed.class, "curve", options.samples(2));
        Recording recording = new Recording();
        Runs.runMethod(Replayed.class, "curve",
                options.samples(3).scheduler(() -> recording).set(TuneOption.RESUME, "true"));
        assertEquals(List.of("add 1", "result 1 @1", "result 1 @2", "result 1 @3", "complete 1",
                "add 2", "result 2 @1", "result 2 @2", "result 2 @3", "complete 2",
                "add 3", "result 3 @1", "result 3 @2", "result 3 @3", "complete 3"), recording.calls);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tpe", "tpe_multivariate", "cmaes", "random", "gp"})
    void aResumedSearchContinuesTheSameSearch(String searcher, @TempDir Path whole, @TempDir Path split) {
        assertResumeContinues("bowl", searcher, 3, 20, 30, whole, split);
    }

    /** Runs {@code total} trials at once, and {@code first} then resumed to {@code total}: the same configs. */
    private static void assertResumeContinues(String method, String searcher, long seed, int first, int total,
            Path whole, Path split) {
        assertResumeContinues(method, searcher, "fifo", seed, first, total, whole, split);
    }

    private static void assertResumeContinues(String method, String searcher, String scheduler, long seed, int first,
            int total, Path whole, Path split) {
        TuneOptions.Builder options = TuneOptions.builder().verbose(0).seed(seed).maxConcurrentTrials(1)
                .searcher(searcher).scheduler(scheduler);
        List<dev.tune.result.Trial> uninterrupted = Runs.runMethod(Replayed.class, method,
                options.storagePath(whole).samples(total)).trials();
        Runs.runMethod(Replayed.class, method, options.storagePath(split).samples(first));
        List<dev.tune.result.Trial> resumed = Runs.runMethod(Replayed.class, method,
                options.storagePath(split).samples(total).set(TuneOption.RESUME, "true")).trials();
        assertEquals(total, resumed.size());
        for (int i = 0; i < total; i++) {
            assertEquals(uninterrupted.get(i).config(), resumed.get(i).config(), searcher + " trial " + (i + 1));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tpe", "auto", "nsga2"})
    void aResumedSearchOfSeveralObjectivesContinuesTheSameSearch(String searcher, @TempDir Path whole,
            @TempDir Path split) {
        assertResumeContinues("twoBowls", searcher, 5, 75, 130, whole, split); // past NSGA-II's first two generations
    }

    /**
     * ASHA draws each trial's bracket at the searcher's question, in trial order, on the first run and on
     * the replay alike. (Synchronous HyperBand is left out: a run that stops at 45 trials decides its last,
     * unfilled bracket early, so it is not the first 45 trials of a run of 75.)
     */
    @org.junit.jupiter.api.Test
    void aResumedSearchWithOneModelPerAshaBracketContinuesTheSameSearch(@TempDir Path whole, @TempDir Path split) {
        assertResumeContinues("bowlOverTime", "tpe", "asha(maxT=9,gracePeriod=1,reductionFactor=3,brackets=3)", 7, 45,
                75, whole, split); // past each bracket's start-up trials
    }
}
