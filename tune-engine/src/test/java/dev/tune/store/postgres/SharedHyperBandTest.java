package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Synchronous HyperBand across worker JVMs: a rung is halved only once every worker's trials in it
 * reached the milestone, and the halving is the rule's on the shared results. The test replays the
 * log through a fresh scheduler, asking it about paused trials where every worker's replica asks
 * (after each result and end, and at each {@code decided} mark), and checks that no trial went on
 * while paused or after a stop, and that each trial ended as the rule said.
 */
class SharedHyperBandTest extends WithPostgres {

    private static final String SPEC = "hyperband(maxT=9,reductionFactor=3)";

    @Test
    void rungsAreHalvedOnEveryWorkersResults() throws Exception {
        String url = server.createDatabase("hyperband_three");
        WorkerProcess.runEach(3, 27, url, dir, "quadratic", "hyperband", "tune.samples=27", "tune.scheduler=" + SPEC,
                "tune.maxConcurrentTrials=2", "shared.sleepMillis=30", "shared.iterations=9");
        try (Connection c = server.connect("hyperband_three")) {
            Map<Integer, String> workerOf = new HashMap<>();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT number, worker FROM tune_trial")) {
                while (rows.next()) {
                    workerOf.put(rows.getInt(1), rows.getString(2));
                }
            }
            Replay replay = new Replay(workerOf);
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT trial_number, kind, body FROM tune_event ORDER BY seq")) {
                while (rows.next()) {
                    replay.apply(rows.getInt(1), rows.getString(2), rows.getString(3));
                }
            }
            assertEquals(27, replay.ended, "every trial ended");
            assertTrue(replay.stopped.size() >= 12, "rungs were halved: " + replay.stopped);
            assertTrue(replay.quietMarks >= 1, "the last, unfilled bracket was decided with nothing more to come");
            assertTrue(replay.rungsAcrossWorkers >= 1, "a rung held trials of several workers");
            assertTrue(SharedExperimentTest.count(c, "SELECT count(DISTINCT worker) FROM tune_trial") >= 2);
        }
        // the decided marks are no trial's: analysis and the export to Ray's files read past them
        PostgresLocation location = PostgresLocation.of(url, PostgresServer.USER, PostgresServer.PASSWORD, Map.of());
        List<Trial> loaded = SharedExperiments.load(location, "hyperband", dir.resolve("loaded"))
                .result(java.util.Optional.empty(), "hyperband").trials();
        assertEquals(27, loaded.size());
        java.nio.file.Path exported = SharedExperiments.export(location, "hyperband", dir.resolve("exported"));
        assertEquals(27, dev.tune.store.StoredExperiment.load(exported).trials().size());
    }

    /**
     * Two workers with one slot each on one band (as Ray, brackets of 3, 5 and then 9 trials): the
     * bracket of 9 keeps 3 at its first rung, so one worker owns at least two resumed trials with one slot. Once the searcher is done, it hands the one it
     * cannot run back to the experiment, and a worker with a free slot goes on with it from its
     * checkpoint: its iterations go on where they were, and the rule holds as before.
     */
    @Test
    void aResumedTrialWithNoSlotOnItsWorkerGoesOnOnAnother() throws Exception {
        String url = server.createDatabase("hyperband_handover");
        WorkerProcess.runEach(2, 17, url, dir, "Slow", "handover", "tune.samples=17", "tune.scheduler=" + SPEC,
                "tune.maxConcurrentTrials=1", "shared.sleepMillis=40");
        String logs = java.nio.file.Files.readString(dir.resolve("handover-0.log"))
                + java.nio.file.Files.readString(dir.resolve("handover-1.log"));
        java.util.regex.Matcher handed = java.util.regex.Pattern.compile("Handing trial (#\\d+)").matcher(logs);
        assertTrue(handed.find(), "a worker handed a resumed trial over:\n" + logs);
        assertTrue(logs.contains("Taking over trial " + handed.group(1) + " "), "another worker took " + handed.group(1)
                + " over:\n" + logs);
        try (Connection c = server.connect("hyperband_handover")) {
            Replay replay = new Replay(Map.of());
            Map<Integer, List<Long>> iterations = new HashMap<>();
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT trial_number, kind, body FROM tune_event ORDER BY seq")) {
                while (rows.next()) {
                    replay.apply(rows.getInt(1), rows.getString(2), rows.getString(3));
                    if (StoreEvents.RESULT.equals(rows.getString(2))) {
                        iterations.computeIfAbsent(rows.getInt(1), n -> new java.util.ArrayList<>())
                                .add(replay.trials.lastResult(rows.getInt(1)).iteration());
                    }
                }
            }
            assertEquals(17, replay.ended, "every trial ended");
            int number = Integer.parseInt(handed.group(1).substring(1));
            List<Long> steps = iterations.get(number);
            assertEquals(java.util.stream.LongStream.rangeClosed(1, steps.size()).boxed().toList(), steps,
                    "trial " + number + " went on from its checkpoint on the other worker");
            assertTrue(steps.size() > 1, "trial " + number + " went on past the rung: " + steps);
        }
    }

    /** The log, replayed through a fresh HyperBand that is asked about paused trials where every replica asks. */
    private static final class Replay {
        final Scheduler rule = Schedulers.parse(SPEC);
        final TrialEvents trials = new TrialEvents(java.nio.file.Path.of("unused"));
        final Map<Integer, String> workerOf;
        final Map<String, Integer> numberOf = new HashMap<>();
        final Set<Integer> paused = new HashSet<>();
        final Set<Integer> stopped = new HashSet<>();
        int ended;
        int quietMarks;
        int rungsAcrossWorkers;

        Replay(Map<Integer, String> workerOf) {
            this.workerOf = workerOf;
            rule.start(new SchedulerProblem(Objective.of("loss", Mode.MIN), 0));
        }

        void apply(int number, String kind, String body) {
            trials.apply(number, kind, body);
            switch (kind) {
                case StoreEvents.ADDED -> {
                    Trial trial = trials.trial(number);
                    numberOf.put(trial.id(), number);
                    rule.onTrialAdd(trial);
                }
                case StoreEvents.RESULT -> {
                    Result result = trials.lastResult(number);
                    assertFalse(paused.contains(number), "trial " + number + " went on at iteration "
                            + result.iteration() + " while the rule held it paused");
                    assertFalse(stopped.contains(number), "trial " + number + " went on after the rule stopped it");
                    if (rule.onTrialResult(result) == Decision.PAUSE) {
                        paused.add(number);
                    }
                    decide(false);
                }
                case StoreEvents.ENDED -> {
                    Trial trial = trials.trial(number);
                    boolean early = trial.termination().orElse(null) == Termination.EARLY_STOPPED;
                    assertEquals(stopped.contains(number), early, "trial " + number + " ended "
                            + trial.termination() + ", the rule on the shared results stopped " + stopped);
                    ended++;
                    rule.onTrialComplete(trial);
                    decide(false);
                }
                case StoreEvents.DECIDED -> {
                    quietMarks++;
                    assertFalse(decide(true).isEmpty(), "a decided mark where the rule decides nothing");
                }
                default -> {
                    // checkpoints change nothing here
                }
            }
        }

        Map<String, Decision> decide(boolean quiet) {
            Map<String, Decision> decisions = rule.decidePaused(quiet);
            Set<String> owners = new HashSet<>();
            decisions.forEach((id, decision) -> {
                int number = numberOf.get(id);
                assertTrue(paused.remove(number), "the rule decided on trial " + number + ", which was not paused");
                owners.add(workerOf.getOrDefault(number, "?"));
                if (decision == Decision.STOP) {
                    stopped.add(number);
                }
            });
            if (owners.size() > 1) {
                rungsAcrossWorkers++;
            }
            return decisions;
        }
    }
}
