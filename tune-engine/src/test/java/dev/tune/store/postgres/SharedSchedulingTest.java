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
 * Schedulers across worker JVMs. With {@code tune.storage.reproducible}, each stop must be what
 * the rule says on every worker's results, in the order the shared log holds them: the test
 * replays the log through a fresh scheduler and compares its decisions with how each trial ended.
 * By default each worker decides on the results it has read, as Optuna's pruners do (ASHA on the
 * rungs the database keeps): stops then fall at the rule's rungs, and a stopped trial reports
 * nothing more.
 */
class SharedSchedulingTest extends WithPostgres {

    @ParameterizedTest(name = "{0} across {1} workers, reproducible={4}")
    @CsvSource(delimiter = ';', value = {
        "asha(maxT=9,gracePeriod=1,reductionFactor=3); 3; asha_three; 9; true",
        "median(gracePeriod=2,minSamplesRequired=3,timeAttr=training_iteration); 2; median_two; 3; true",
        "asha(maxT=9,gracePeriod=1,reductionFactor=3); 3; asha_free; 9; false",
        "median(gracePeriod=2,minSamplesRequired=3,timeAttr=training_iteration); 2; median_free; 3; false"})
    void stopsWhereTheRuleSaysOnTheSharedResults(String spec, int count, String database, int minStopped,
            boolean reproducible) throws Exception {
        String url = server.createDatabase(database);
        WorkerProcess.runEach(count, 27, url, dir, "quadratic", database, "tune.samples=27", "tune.scheduler=" + spec,
                "tune.maxConcurrentTrials=2", "shared.sleepMillis=40", "shared.iterations=9",
                "tune.storage.reproducible=" + reproducible);
        if (!reproducible) {
            try (Connection c = server.connect(database)) {
                Map<Integer, Long> last = stopsAtRungsAndNothingAfter(c, spec.startsWith("asha")
                        ? java.util.Set.of(1L, 3L) : java.util.Set.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), minStopped);
                if (spec.startsWith("asha")) { // the rungs in the database: each trial once at each it reached
                    assertEquals(27, SharedExperimentTest.count(c, "SELECT count(*) FROM tune_rung WHERE rung = 0"));
                    assertEquals(last.values().stream().filter(t -> t >= 3).count(),
                            SharedExperimentTest.count(c, "SELECT count(*) FROM tune_rung WHERE rung = 1"));
                }
            }
            return;
        }
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

    /**
     * Every early stop fell at one of {@code rungs} (the last result of a stopped trial), at least
     * {@code minStopped} trials stopped, and every trial has its results once each, in order.
     */
    private Map<Integer, Long> stopsAtRungsAndNothingAfter(Connection c, java.util.Set<Long> rungs, int minStopped)
            throws Exception {
        TrialEvents trials = new TrialEvents(dir);
        Map<Integer, Long> last = new HashMap<>();
        int stopped = 0;
        try (ResultSet rows = c.createStatement().executeQuery(
                "SELECT trial_number, kind, body FROM tune_event ORDER BY seq")) {
            while (rows.next()) {
                int number = rows.getInt(1);
                String kind = rows.getString(2);
                trials.apply(number, kind, rows.getString(3));
                if (StoreEvents.RESULT.equals(kind)) {
                    long iteration = trials.lastResult(number).iteration();
                    assertEquals(last.getOrDefault(number, 0L) + 1, iteration, "trial " + number + "'s results");
                    last.put(number, iteration);
                } else if (StoreEvents.ENDED.equals(kind)
                        && trials.trial(number).termination().orElse(null) == Termination.EARLY_STOPPED) {
                    stopped++;
                    assertTrue(rungs.contains(last.get(number)), "trial " + number + " stopped at iteration "
                            + last.get(number) + ", not at a rung of the rule " + rungs);
                }
            }
        }
        assertTrue(stopped >= minStopped, "the rule stopped " + stopped + " trials early");
        assertTrue(SharedExperimentTest.count(c, "SELECT count(DISTINCT worker) FROM tune_trial") >= 2);
        return last;
    }
}
