package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.SchedulerProblem;
import dev.tune.schedule.Schedulers;
import dev.tune.store.StoreEvents;
import dev.tune.store.TrialEvents;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schedulers across worker JVMs: each stop must be what the rule says on every worker's results,
 * in the order the shared log holds them. The test replays the log through a fresh scheduler and
 * compares its decisions with how each trial ended.
 */
class SharedSchedulingTest extends WithPostgres {


    @ParameterizedTest(name = "{0} across {1} workers")
    @CsvSource(delimiter = ';', value = {
        "asha(maxT=9,gracePeriod=1,reductionFactor=3); 3; asha_three; 9",
        "median(gracePeriod=2,minSamplesRequired=3,timeAttr=training_iteration); 2; median_two; 3"})
    void stopsExactlyWhereTheRuleSaysOnTheSharedResults(String spec, int count, String database, int minStopped)
            throws Exception {
        String url = server.createDatabase(database);
        WorkerProcess.runEach(count, 27, url, dir, "quadratic", database, "tune.samples=27", "tune.scheduler=" + spec,
                "tune.maxConcurrentTrials=2", "shared.sleepMillis=40", "shared.iterations=9");
        try (Connection c = server.connect(database)) {
            Map<Integer, Decision> lastDecision = new HashMap<>();
            Map<Integer, Long> stoppedAt = new HashMap<>();
            Scheduler rule = Schedulers.parse(spec);
            rule.start(new SchedulerProblem(Objective.of("loss", Mode.MIN), 0));
            TrialEvents trials = new TrialEvents(dir);
            int decisions = 0;
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT trial_number, kind, body FROM tune_event ORDER BY seq")) {
                while (rows.next()) {
                    int number = rows.getInt(1);
                    String kind = rows.getString(2);
                    trials.apply(number, kind, rows.getString(3));
                    if (StoreEvents.ADDED.equals(kind)) {
                        rule.onTrialAdd(trials.trial(number));
                    } else if (StoreEvents.RESULT.equals(kind)) {
                        Result result = trials.lastResult(number);
                        assertTrue(lastDecision.get(number) != Decision.STOP,
                                "trial " + number + " went on after the rule stopped it");
                        lastDecision.put(number, rule.onTrialResult(result));
                        decisions++;
                        if (lastDecision.get(number) == Decision.STOP) {
                            stoppedAt.put(number, result.iteration());
                        }
                    } else if (StoreEvents.ENDED.equals(kind)) {
                        Trial ended = trials.trial(number);
                        boolean early = ended.termination().orElse(null) == Termination.EARLY_STOPPED;
                        assertEquals(stoppedAt.containsKey(number), early, "trial " + number + " ended "
                                + ended.termination() + " but the rule on the shared results said "
                                + lastDecision.get(number));
                        rule.onTrialComplete(ended);
                    }
                }
            }
            assertTrue(decisions > 27, "every result was decided on");
            assertTrue(stoppedAt.size() >= minStopped, "the rule stopped trials early: " + stoppedAt);
            assertTrue(SharedExperimentTest.count(c, "SELECT count(DISTINCT worker) FROM tune_trial") >= 2);
        }
    }
}
